// The whole app against any calendar fake: real HTTP port (webhooks reach it), real pg-boss, a provider with a chat.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { expect } from 'vitest';
import { buildCalendarDeps } from '../../src/calendars/build-calendar-deps.ts';
import type { CalendarConfig } from '../../src/config/load-calendar-config.ts';
import { chatIdentities } from '../../src/db/schema/chat.ts';
import { createApp } from '../../src/http/create-app.ts';
import type { RetryPolicy } from '../../src/jobs/queues.ts';
import { type Jobs, startJobs } from '../../src/jobs/start-jobs.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { RecordingMailer, silentLogger } from '../jobs/jobs-fixtures.ts';
import { createFixture, type Fixture } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

export const ADMIN = 'calendar-admin-token-0123456789';
export const PROVIDER_CHAT = '7001';

/** The services to offer; the ones left out are off (Apple pointed at a closed port). */
export type CalendarSettings = Partial<
  Pick<CalendarConfig, 'google' | 'outlook' | 'appleCalDavUrl' | 'timeoutMs'>
> & {
  /** The jobs' retries; default DEFAULT_RETRY. */
  readonly retry?: RetryPolicy;
};

export type CalendarSyncHarness = {
  readonly db: TestDatabase;
  readonly fixture: Fixture;
  readonly key: Buffer;
  readonly messenger: RecordingMessenger;
  readonly mailer: RecordingMailer;
  readonly baseUrl: string;
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  /** Queues a sync of the connection, as a notification or the five-minute sweep would. */
  requestSync(connectionId: string): Promise<void>;
  /** Stops the jobs and the server; the test closes its own fakes. */
  close(): Promise<void>;
};

/** A provider in UTC working every day 09:00-17:00, with a Telegram identity for DMs. */
export async function startCalendarSyncHarness(
  settings: CalendarSettings,
): Promise<CalendarSyncHarness> {
  const db = await createTestDatabase();
  const fixture = await createFixture(db.db, {
    timezone: 'UTC',
    windows: [0, 1, 2, 3, 4, 5, 6].map((d): [number, string, string] => [d, '09:00', '17:00']),
  });
  await db.db.insert(chatIdentities).values({
    platform: 'telegram',
    platformUserId: PROVIDER_CHAT,
    displayName: 'Provider',
    providerId: fixture.providerId,
  });
  const config: CalendarConfig = {
    encryptionKey: undefined,
    google: settings.google ?? null,
    outlook: settings.outlook ?? null,
    appleCalDavUrl: settings.appleCalDavUrl ?? 'http://127.0.0.1:1',
    timeoutMs: settings.timeoutMs ?? 20_000,
  };
  const key = randomBytes(32);
  const messenger = new RecordingMessenger();
  const mailer = new RecordingMailer();
  const clock = () => new Date();
  const base = { db: db.db, adminToken: ADMIN, clock, noShowLockoutDays: 30, logger: silentLogger };
  let jobs: Jobs | null = null;
  // The server must listen before the deps exist: redirect and webhook URLs name its port.
  let app = createApp(base);
  const server = serve({ fetch: (request) => app.fetch(request), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const deps = buildCalendarDeps({
    config,
    key,
    publicUrl: baseUrl,
    db: db.db,
    messenger,
    logger: silentLogger,
    clock,
    requestSync: async (id) => {
      await jobs?.requestCalendarSync(id);
    },
    requestPush: async (connectionId, appointmentId) => {
      await jobs?.requestCalendarPush(connectionId, appointmentId);
    },
  });
  app = createApp({
    ...base,
    calendars: deps,
    // Like the app's nudge: never rejects (the relay loop retries; after close() it is gone).
    relayChanges: async () => {
      await jobs?.relayOnce().catch(() => 0);
    },
  });
  const started = await startJobs(
    {
      databaseUrl: db.url,
      db: db.db,
      messenger,
      mailer,
      logger: silentLogger,
      clock,
      calendars: deps,
      // Google Meet through the calendar, no other meeting provider.
      meetings: { kind: 'calendar' },
    },
    {
      pollingIntervalSeconds: 0.5,
      relayIntervalMs: 200,
      ...(settings.retry ? { retry: settings.retry } : {}),
    },
  );
  jobs = started;
  return {
    db,
    fixture,
    key,
    messenger,
    mailer,
    baseUrl,
    call: (method, path, body, headers = {}) =>
      fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${ADMIN}`,
          'content-type': 'application/json',
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    requestSync: (connectionId) => started.requestCalendarSync(connectionId),
    close: async () => {
      await started.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Follows our connect link through the service's consent to our callback; returns its answer. */
export async function connectThroughConsent(
  h: CalendarSyncHarness,
  kind: 'google' | 'outlook',
): Promise<Response> {
  const linked = await h.call(
    'POST',
    `/api/providers/${h.fixture.providerId}/calendar/${kind}/connect`,
  );
  expect(linked.status).toBe(200);
  const { url } = (await linked.json()) as { url: string };
  const start = await fetch(url, { redirect: 'manual' });
  expect(start.status).toBe(302);
  const consent = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
  expect(consent.status).toBe(302);
  return fetch(consent.headers.get('location') ?? '', { redirect: 'manual' });
}

const DAY = 86_400_000;
/** A UTC date some days ahead, so its 09:00-17:00 slots are bookable whatever today is. */
export const dayAhead = (days: number) =>
  new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
/** `date` at `hour`:00 UTC, as an ISO instant. */
export const at = (date: string, hour: number) =>
  new Date(`${date}T${String(hour).padStart(2, '0')}:00:00Z`).toISOString();

/** The provider's free slot starts on `date`, as ISO instants. */
export async function slotStarts(h: CalendarSyncHarness, date: string): Promise<string[]> {
  const { providerId, serviceId } = h.fixture;
  const res = await h.call(
    'GET',
    `/api/providers/${providerId}/slots?service_id=${serviceId}&date=${date}&days=1`,
  );
  expect(res.status).toBe(200);
  const body = (await res.json()) as { slots: { start: string }[] };
  return body.slots.map((s) => new Date(s.start).toISOString());
}

/** Books the fixture's client at `start` (admin bookings are confirmed); returns the id. */
export async function book(h: CalendarSyncHarness, start: string): Promise<string> {
  const res = await h.call(
    'POST',
    '/api/appointments',
    {
      provider_id: h.fixture.providerId,
      service_id: h.fixture.serviceId,
      client_id: h.fixture.clientId,
      start_time: start,
    },
    { 'idempotency-key': `k-${start}-${Math.random()}` },
  );
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** The appointment's stored calendar event id; written when the push's transaction commits. */
export async function storedEventId(h: CalendarSyncHarness, appointmentId: string) {
  const { rows } = await h.db.pool.query(
    'select external_event_id from appointments where id = $1',
    [appointmentId],
  );
  return (rows[0]?.external_event_id ?? null) as string | null;
}

/** Every calendar_syncs row as stored: what a database dump would show. */
export async function syncRows(h: CalendarSyncHarness): Promise<Record<string, unknown>[]> {
  const { rows } = await h.db.pool.query('select * from calendar_syncs');
  return rows as Record<string, unknown>[];
}

/** The connection's last_synced_at as text ('null' before the first pull), to see a pull finish. */
export async function lastSyncedAt(h: CalendarSyncHarness): Promise<string> {
  return String((await syncRows(h))[0]?.last_synced_at ?? '');
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
