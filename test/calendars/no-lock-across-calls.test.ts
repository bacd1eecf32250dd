// Calendar sync and push hold no transaction, lock or second connection while the calendar (or its OAuth server) is called.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CalendarClient,
  PullResult,
  PushChannel,
} from '../../src/calendars/calendar-client.ts';
import {
  type CalendarConnection,
  readConnection,
  saveConnectionTokens,
} from '../../src/calendars/calendar-connections.ts';
import type { CalendarDeps, OpenedCalendar } from '../../src/calendars/calendar-deps.ts';
import { pushAppointment } from '../../src/calendars/push-appointment.ts';
import { syncCalendar } from '../../src/calendars/sync-calendar.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { appointments } from '../../src/db/schema/appointments.ts';
import { availabilityOverrides } from '../../src/db/schema/availability.ts';
import { createFixture, type Fixture } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import {
  insertConfirmedHour,
  saveGoogleConnection,
  testCalendarDeps,
} from './calendar-test-deps.ts';

const NOW = new Date('2026-11-30T06:00:00Z');
const key = randomBytes(32);
let test: TestDatabase;
// One connection only: any path that holds it and waits for a second would time out.
let single: DatabaseHandle;
let fixture: Fixture;

beforeAll(async () => {
  test = await createTestDatabase();
  single = openDatabase(test.url, { max: 1 });
  fixture = await createFixture(test.db, { timezone: 'UTC' });
});
afterAll(async () => {
  await single.close();
});

/** What the database looks like from outside while a calendar call is in flight. */
type Probe = { readonly advisoryLocks: number; readonly openTransactions: number };

async function probe(): Promise<Probe> {
  const client = new pg.Client({ connectionString: test.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ advisory: string; open: string }>(
      `select
        (select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid
          where l.locktype = 'advisory' and a.datname = current_database()) as advisory,
        (select count(*) from pg_stat_activity where datname = current_database()
          and pid <> pg_backend_pid() and state like 'idle in transaction%') as open`,
    );
    return { advisoryLocks: Number(rows[0]?.advisory), openTransactions: Number(rows[0]?.open) };
  } finally {
    await client.end();
  }
}

/**
 * A calendar like Google with tokens that always need a refresh: every call first saves fresh
 * tokens through the app's pool, as the real client's 'tokens' handler does, then looks at the
 * database from outside. `during` lets a test change things while a call is in flight.
 */
function fakeCalendar(
  connection: CalendarConnection,
  seen: Probe[],
  during: Partial<Record<string, () => Promise<void>>>,
) {
  let pulls = 0;
  const call = async <T>(name: string, answer: () => T): Promise<T> => {
    await saveConnectionTokens(single.db, key, connection, {
      accessToken: `access-${randomBytes(4).toString('hex')}`,
      refreshToken: null,
      expiresAt: new Date(NOW.getTime() + 240_000),
    });
    seen.push(await probe());
    await during[name]?.();
    return answer();
  };
  const calendar: CalendarClient & {
    openChannel: (url: string, secret: string) => Promise<PushChannel>;
    closeChannel: (c: PushChannel) => Promise<void>;
  } = {
    kind: 'GOOGLE',
    createEvent: () =>
      call('createEvent', () => ({ externalEventId: 'event-1', meetingLink: null })),
    updateEvent: () => call('updateEvent', () => undefined),
    deleteEvent: () => call('deleteEvent', () => undefined),
    pullEvents: () =>
      call('pullEvents', (): PullResult => {
        pulls += 1;
        return {
          complete: true,
          cursor: `cursor-${pulls}`,
          events: [
            {
              externalEventId: `busy-${pulls}`,
              removed: false,
              busy: true,
              timing: {
                kind: 'timed',
                start: new Date('2026-12-01T10:00:00Z'),
                end: new Date('2026-12-01T11:00:00Z'),
              },
            },
          ],
        };
      }),
    openChannel: () =>
      call('openChannel', () => ({
        id: `channel-${randomBytes(3).toString('hex')}`,
        resourceId: 'r',
        expiresAt: new Date(NOW.getTime() + 7 * 86_400_000),
      })),
    closeChannel: () => call('closeChannel', () => undefined),
  };
  return { calendar: calendar as OpenedCalendar, pulls: () => pulls };
}

async function connect(): Promise<CalendarConnection> {
  return saveGoogleConnection(test.db, key, fixture.providerId, NOW);
}

function depsWith(opened: (connection: CalendarConnection) => OpenedCalendar): CalendarDeps {
  return testCalendarDeps(single.db, key, opened, NOW);
}

let day = 0;

/** A CONFIRMED appointment on a day of its own, so they never overlap. */
async function confirmedAppointment(): Promise<string> {
  day += 1;
  const start = new Date(Date.UTC(2026, 11, 1 + day, 9));
  return insertConfirmedHour(test.db, fixture, start);
}

const clean = { advisoryLocks: 0, openTransactions: 0 };

describe('no lock across a calendar call', () => {
  it('syncs with a token refresh before every call on a one-connection pool, holding nothing during the calls', async () => {
    const connection = await connect();
    const seen: Probe[] = [];
    const result = await syncCalendar(
      depsWith((c) => fakeCalendar(c, seen, {}).calendar),
      connection.id,
    );
    expect(result).toBe('synced');
    // openChannel and pullEvents were called; nothing was held while they ran.
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen).toEqual(seen.map(() => clean));
    const stored = await readConnection(test.db, key, connection.id);
    expect(stored?.cursor).toBe('cursor-1');
    expect(stored?.channel).not.toBeNull();
    const blocks = await test.db
      .select()
      .from(availabilityOverrides)
      .where(eq(availabilityOverrides.providerId, fixture.providerId));
    expect(blocks.map((b) => b.externalEventId)).toEqual(['busy-1']);
  });

  it('applies nothing from a pull another sync overtook, and pulls again from the new cursor', async () => {
    const connection = await connect();
    const seen: Probe[] = [];
    let moved = false;
    const fake = (c: CalendarConnection) =>
      fakeCalendar(c, seen, {
        // Another instance's sync stores its cursor while ours is pulling.
        pullEvents: async () => {
          if (moved) return;
          moved = true;
          await test.db.execute(
            `update calendar_syncs set sync_token = 'theirs', full_synced_at = now() where id = '${connection.id}'` as never,
          );
        },
      });
    let pulls = 0;
    const result = await syncCalendar(
      depsWith((c) => {
        const f = fake(c);
        const pull = f.calendar.pullEvents.bind(f.calendar);
        f.calendar.pullEvents = async (cursor, window) => {
          pulls += 1;
          return pull(cursor, window);
        };
        return f.calendar;
      }),
      connection.id,
    );
    expect(result).toBe('synced');
    expect(pulls).toBe(2);
    const stored = await readConnection(test.db, key, connection.id);
    expect(stored?.cursor).toBe('cursor-1');
    expect(seen).toEqual(seen.map(() => clean));
  });

  it('creates an event with nothing held, then records its id', async () => {
    await connect();
    const id = await confirmedAppointment();
    const seen: Probe[] = [];
    const outcome = await pushAppointment(
      depsWith((c) => fakeCalendar(c, seen, {}).calendar),
      id,
    );
    expect(outcome).toBe('created');
    expect(seen).toEqual([clean]);
    const [row] = await test.db.select().from(appointments).where(eq(appointments.id, id));
    expect(row?.externalEventId).toBe('event-1');
  });

  it('deletes the event it just made when the appointment was cancelled during the call', async () => {
    await connect();
    const id = await confirmedAppointment();
    const seen: Probe[] = [];
    const calls: string[] = [];
    const outcome = await pushAppointment(
      depsWith((c) => {
        const { calendar } = fakeCalendar(c, seen, {
          createEvent: async () => {
            calls.push('create');
            await test.db
              .update(appointments)
              .set({ status: 'CANCELLED', cancelledAt: NOW, cancelledBy: 'CLIENT' })
              .where(eq(appointments.id, id));
          },
          deleteEvent: async () => {
            calls.push('delete');
          },
        });
        return calendar;
      }),
      id,
    );
    expect(outcome).toBe('deleted');
    expect(calls).toEqual(['create', 'delete']);
    expect(seen).toEqual(seen.map(() => clean));
    const [row] = await test.db.select().from(appointments).where(eq(appointments.id, id));
    expect(row?.externalEventId).toBeNull();
  });
});
