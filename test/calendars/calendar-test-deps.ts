// A stored Google connection, a confirmed appointment and the calendar deps for tests that drive
// push or sync directly.
import {
  type CalendarConnection,
  saveNewConnection,
} from '../../src/calendars/calendar-connections.ts';
import type { CalendarDeps, OpenedCalendar } from '../../src/calendars/calendar-deps.ts';
import type { Database } from '../../src/db/database.ts';
import { appointments } from '../../src/db/schema/appointments.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { silentLogger } from '../jobs/jobs-fixtures.ts';
import type { Fixture } from '../support/fixtures.ts';

/** Stores a Google connection for `providerId` with placeholder tokens expiring at `expiresAt`. */
export function saveGoogleConnection(
  db: Database,
  key: Buffer,
  providerId: string,
  expiresAt: Date,
): Promise<CalendarConnection> {
  return saveNewConnection(db, key, {
    providerId,
    kind: 'GOOGLE',
    tokens: { accessToken: 'a', refreshToken: 'r', expiresAt },
    accountName: null,
    password: null,
    externalCalendarId: null,
  });
}

/** Calendar deps over `db` with the clock fixed at `now`, a silent logger and a recording messenger. */
export function testCalendarDeps(
  db: Database,
  key: Buffer,
  open: (connection: CalendarConnection) => OpenedCalendar,
  now: Date,
): CalendarDeps {
  return {
    db,
    key,
    openCalendar: async (connection) => open(connection),
    publicUrl: 'https://slotline.example',
    messenger: new RecordingMessenger(),
    logger: silentLogger,
    clock: () => now,
  };
}

/** Inserts a CONFIRMED, free, one-hour appointment of the fixture at `start`; returns its id. */
export async function insertConfirmedHour(
  db: Database,
  fixture: Fixture,
  start: Date,
  notes: string | null = null,
): Promise<string> {
  const end = new Date(start.getTime() + 3_600_000);
  const [row] = await db
    .insert(appointments)
    .values({
      providerId: fixture.providerId,
      clientId: fixture.clientId,
      serviceId: fixture.serviceId,
      startTime: start,
      endTime: end,
      blockedUntil: end,
      status: 'CONFIRMED',
      price: 0,
      currency: 'EUR',
      notes,
    })
    .returning({ id: appointments.id });
  if (!row) throw new Error('no appointment inserted');
  return row.id;
}
