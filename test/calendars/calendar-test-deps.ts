// A stored Google connection and the calendar deps for tests that drive push or sync directly.
import {
  type CalendarConnection,
  saveNewConnection,
} from '../../src/calendars/calendar-connections.ts';
import type { CalendarDeps, OpenedCalendar } from '../../src/calendars/calendar-deps.ts';
import type { Database } from '../../src/db/database.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { silentLogger } from '../jobs/jobs-fixtures.ts';

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
