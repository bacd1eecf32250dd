// On real pg-boss, a calendar stuck in a call holds up only its own syncs: others finish, its own wait.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResult } from '../../src/calendars/calendar-client.ts';
import {
  type CalendarConnection,
  readConnection,
  saveNewConnection,
} from '../../src/calendars/calendar-connections.ts';
import type { CalendarDeps, OpenedCalendar } from '../../src/calendars/calendar-deps.ts';
import { type Jobs, startJobs } from '../../src/jobs/start-jobs.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { sleep, waitFor } from '../jobs/job-inspection.ts';
import { RecordingMailer, silentLogger } from '../jobs/jobs-fixtures.ts';
import { createFixture } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-database.ts';

const db = await createTestDatabase();
const key = randomBytes(32);
/** Connections whose pulls hang until released, and how many of their pulls are in flight. */
const stuck = new Set<string>();
const inFlight = new Map<string, number>();
let mostAtOnce = 0;
let release = () => {};
const released = new Promise<void>((resolve) => {
  release = resolve;
});
let jobs: Jobs;

function calendarFor(connection: CalendarConnection): OpenedCalendar {
  const unused = () => Promise.reject(new Error('not in this test'));
  return {
    kind: 'GOOGLE',
    createEvent: unused,
    updateEvent: unused,
    deleteEvent: unused,
    async pullEvents(): Promise<PullResult> {
      const now = (inFlight.get(connection.id) ?? 0) + 1;
      inFlight.set(connection.id, now);
      mostAtOnce = Math.max(mostAtOnce, now);
      if (stuck.has(connection.id)) await released;
      inFlight.set(connection.id, (inFlight.get(connection.id) ?? 1) - 1);
      return { complete: true, cursor: `c-${randomBytes(3).toString('hex')}`, events: [] };
    },
  };
}

const calendars: CalendarDeps = {
  db: db.db,
  key,
  openCalendar: async (connection) => calendarFor(connection),
  publicUrl: 'https://slotline.example',
  messenger: new RecordingMessenger(),
  logger: silentLogger,
  clock: () => new Date(),
};

beforeAll(async () => {
  jobs = await startJobs(
    {
      databaseUrl: db.url,
      db: db.db,
      messenger: new RecordingMessenger(),
      mailer: new RecordingMailer(),
      logger: silentLogger,
      clock: () => new Date(),
      calendars,
    },
    { pollingIntervalSeconds: 0.5, retry: { retryLimit: 1, retryDelaySeconds: 1 } },
  );
});
afterAll(async () => {
  release();
  await jobs.stop();
});

async function connect(): Promise<string> {
  const { providerId } = await createFixture(db.db, { timezone: 'UTC' });
  const connection = await saveNewConnection(db.db, key, {
    providerId,
    kind: 'GOOGLE',
    tokens: { accessToken: 'a', refreshToken: 'r', expiresAt: null },
    accountName: null,
    password: null,
    externalCalendarId: null,
  });
  return connection.id;
}

const lastSynced = async (id: string) => (await readConnection(db.db, key, id))?.lastSyncedAt;

describe('a calendar stuck in a call', () => {
  it('holds up only its own syncs, one at a time, while other calendars sync', async () => {
    const slow = await connect();
    stuck.add(slow);
    const others = [await connect(), await connect()];
    await jobs.requestCalendarSync(slow);
    await waitFor(() => (inFlight.get(slow) ?? 0) === 1, 10_000);
    // A second request for the stuck calendar lands in a later window: a job of its own.
    await sleep(2_100);
    await jobs.requestCalendarSync(slow);
    for (const id of others) await jobs.requestCalendarSync(id);
    for (const id of others) {
      await waitFor(async () => (await lastSynced(id)) != null, 15_000);
    }
    expect(inFlight.get(slow)).toBe(1);
    expect(mostAtOnce).toBe(1);
    expect(await lastSynced(slow)).toBeNull();
    release();
    await waitFor(async () => (await lastSynced(slow)) != null, 15_000);
  }, 40_000);
});
