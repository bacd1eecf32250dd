// A day of calendar life under faults: sync and push as their jobs run them, retried until they settle.
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { CalendarAuthError, type OAuthTokens } from '../../src/calendars/calendar-client.ts';
import {
  type CalendarConnection,
  readConnection,
  saveConnectionTokens,
  saveNewConnection,
} from '../../src/calendars/calendar-connections.ts';
import type { CalendarDeps, OpenedCalendar } from '../../src/calendars/calendar-deps.ts';
import { pushAppointment } from '../../src/calendars/push-appointment.ts';
import { syncCalendar } from '../../src/calendars/sync-calendar.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { appointments } from '../../src/db/schema/appointments.ts';
import { availabilityOverrides } from '../../src/db/schema/availability.ts';
import { chatIdentities } from '../../src/db/schema/chat.ts';
import type { CalendarKind } from '../../src/domain/calendar-kinds.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { silentLogger } from '../jobs/jobs-fixtures.ts';
import { createFixture, type Fixture } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

export const NOW = new Date('2026-11-30T06:00:00Z');
const HOUR = 3_600_000;

/** How the test opens the real client of its kind against the fake, with short timeouts. */
export type OpenClient = (
  connection: CalendarConnection,
  saveTokens: (tokens: OAuthTokens) => Promise<void>,
) => OpenedCalendar;

export type FaultDay = {
  readonly db: TestDatabase;
  /** The app's pool, of one connection: anything held across a call would stall the next save. */
  readonly single: DatabaseHandle;
  readonly fixture: Fixture;
  readonly key: Buffer;
  readonly messenger: RecordingMessenger;
  /** Where the fake posts notifications; each one asks for a sync, as the webhook route does. */
  readonly webhookBase: string;
  /** Notifications received so far. */
  readonly notifications: () => number;
  /** What each notification does, as the webhook route queues a sync. */
  onNotification(handler: () => void): void;
  deps(open: OpenClient, clock?: () => Date): CalendarDeps;
  connect(kind: CalendarKind, tokens: OAuthTokens): Promise<CalendarConnection>;
  close(): Promise<void>;
};

/** A database, a provider (UTC) with a Telegram identity, and a webhook receiver. */
export async function startFaultDay(): Promise<FaultDay> {
  const db = await createTestDatabase();
  const single = openDatabase(db.url, { max: 1 });
  const fixture = await createFixture(db.db, { timezone: 'UTC' });
  await db.db.insert(chatIdentities).values({
    platform: 'telegram',
    platformUserId: `p${randomBytes(3).toString('hex')}`,
    displayName: 'Provider',
    providerId: fixture.providerId,
  });
  const key = randomBytes(32);
  const messenger = new RecordingMessenger();
  let received = 0;
  let handler = () => {};
  const server = createServer((req, res) => {
    received += 1;
    handler();
    req.resume();
    // Graph's validation handshake echoes the token; Google only needs a 2xx.
    const token = new URL(req.url ?? '/', 'http://x').searchParams.get('validationToken');
    res.writeHead(200, { 'content-type': 'text/plain' }).end(token ?? '');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const webhookBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    db,
    single,
    fixture,
    key,
    messenger,
    webhookBase,
    notifications: () => received,
    onNotification: (next) => {
      handler = next;
    },
    deps: (open, clock = () => NOW) => ({
      db: single.db,
      key,
      openCalendar: async (connection) =>
        open(connection, (tokens) => saveConnectionTokens(single.db, key, connection, tokens)),
      publicUrl: webhookBase,
      messenger,
      logger: silentLogger,
      clock,
    }),
    connect: (kind, tokens) =>
      saveNewConnection(db.db, key, {
        providerId: fixture.providerId,
        kind,
        tokens,
        accountName: null,
        password: null,
        externalCalendarId: null,
      }),
    async close() {
      server.closeAllConnections();
      server.close();
      await single.close();
    },
  };
}

/**
 * Runs `work` as pg-boss would run its job: a thrown error is a failed attempt and it runs again,
 * up to `attempts` times. A CalendarAuthError is not retried by the job (the connection breaks).
 */
export async function settle<T>(work: () => Promise<T>, attempts = 15): Promise<T> {
  let last: unknown = null;
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (error instanceof CalendarAuthError) throw error;
      last = error;
    }
  }
  throw last;
}

/** One attempt of a job; a failure is kept for the retry, as pg-boss keeps the job. */
export async function attempt(work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (error) {
    if (error instanceof CalendarAuthError) throw error;
    return false;
  }
}

/** The jobs of the day: appointments to push and the connection to sync, each kept until it succeeds. */
export class DayJobs {
  readonly #pushes = new Set<string>();
  #syncDue = false;
  readonly deps: CalendarDeps;
  readonly connectionId: string;
  constructor(deps: CalendarDeps, connectionId: string) {
    this.deps = deps;
    this.connectionId = connectionId;
  }
  push(appointmentId: string) {
    this.#pushes.add(appointmentId);
  }
  sync() {
    this.#syncDue = true;
  }
  /** One attempt of every queued job; failed ones stay queued. */
  async runOnce(): Promise<void> {
    for (const id of [...this.#pushes]) {
      if (await attempt(() => pushAppointment(this.deps, id))) this.#pushes.delete(id);
    }
    if (this.#syncDue && (await attempt(() => syncCalendar(this.deps, this.connectionId)))) {
      this.#syncDue = false;
    }
  }
  /** Retries until nothing is queued. */
  async drain(): Promise<void> {
    for (let round = 0; round < 20 && (this.#pushes.size > 0 || this.#syncDue); round += 1) {
      await this.runOnce();
    }
    if (this.#pushes.size > 0 || this.#syncDue) throw new Error('jobs did not settle');
  }
}

let day = 0;

/** A CONFIRMED 09:00-10:00 UTC appointment on a day of its own in December 2026. */
export async function bookAppointment(harness: FaultDay): Promise<string> {
  day += 1;
  const start = new Date(Date.UTC(2026, 11, 1 + day, 9));
  const [row] = await harness.db.db
    .insert(appointments)
    .values({
      providerId: harness.fixture.providerId,
      clientId: harness.fixture.clientId,
      serviceId: harness.fixture.serviceId,
      startTime: start,
      endTime: new Date(start.getTime() + HOUR),
      blockedUntil: new Date(start.getTime() + HOUR),
      status: 'CONFIRMED',
      price: 0,
      currency: 'EUR',
    })
    .returning({ id: appointments.id });
  return row?.id as string;
}

/** Moves the appointment two hours later, as a reschedule does. */
export async function moveAppointment(harness: FaultDay, id: string): Promise<void> {
  const [row] = await harness.db.db.select().from(appointments).where(eq(appointments.id, id));
  if (!row) throw new Error('no appointment');
  const start = new Date(row.startTime.getTime() + 2 * HOUR);
  const end = new Date(start.getTime() + HOUR);
  await harness.db.db
    .update(appointments)
    .set({ startTime: start, endTime: end, blockedUntil: end })
    .where(eq(appointments.id, id));
}

export async function cancelAppointment(harness: FaultDay, id: string): Promise<void> {
  await harness.db.db
    .update(appointments)
    .set({ status: 'CANCELLED', cancelledAt: NOW, cancelledBy: 'CLIENT' })
    .where(eq(appointments.id, id));
}

/** Start times of the provider's CONFIRMED appointments, by id. */
export async function activeAppointments(harness: FaultDay): Promise<Map<string, string>> {
  const rows = await harness.db.db
    .select()
    .from(appointments)
    .where(eq(appointments.providerId, harness.fixture.providerId));
  return new Map(
    rows.filter((r) => r.status === 'CONFIRMED').map((r) => [r.id, r.startTime.toISOString()]),
  );
}

/** The external event ids the provider's blocks come from, each once. */
export async function blockSources(harness: FaultDay): Promise<string[]> {
  const rows = await harness.db.db
    .select({ source: availabilityOverrides.externalEventId })
    .from(availabilityOverrides)
    .where(eq(availabilityOverrides.providerId, harness.fixture.providerId));
  return [...new Set(rows.map((r) => r.source).filter((s): s is string => s !== null))].sort();
}

export async function connectionStatus(harness: FaultDay, id: string): Promise<string | null> {
  return (await readConnection(harness.db.db, harness.key, id))?.status ?? null;
}
