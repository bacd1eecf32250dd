// Calendar pushes are grouped by provider, so a calendar that hangs holds one push worker only.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '../../src/jobs/queues.ts';
import { type Jobs, startJobs } from '../../src/jobs/start-jobs.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { HOUR } from './job-inspection.ts';
import { book, RecordingMailer, seedParties, silentLogger } from './jobs-fixtures.ts';

const db = await createTestDatabase();
let jobs: Jobs;

beforeAll(async () => {
  // No calendars: the push jobs are planned but nobody works them, so they stay to be read.
  jobs = await startJobs(
    {
      databaseUrl: db.url,
      db: db.db,
      messenger: { send: async () => [], edit: async () => {} },
      mailer: new RecordingMailer(),
      logger: silentLogger,
      clock: () => new Date(),
    },
    { pollingIntervalSeconds: 0.5, retry: { retryLimit: 1, retryDelaySeconds: 1 } },
  );
});
afterAll(() => jobs.stop());

describe('calendar push jobs', () => {
  it('carry their provider as the group, one group per provider', async () => {
    const anna = await seedParties(db);
    const bob = await seedParties(db);
    const now = new Date();
    const first = await book(db.pool, anna, new Date(now.getTime() + 50 * HOUR), now);
    const second = await book(db.pool, anna, new Date(now.getTime() + 52 * HOUR), now);
    const other = await book(db.pool, bob, new Date(now.getTime() + 50 * HOUR), now);
    await jobs.relayOnce();
    const rows = await db.db.execute<{ appointment: string; group_id: string | null }>(
      sql`select data->>'appointmentId' as appointment, group_id from pgboss.job
          where name = ${QUEUES.calendarPush}`,
    );
    const groupOf = new Map(rows.rows.map((r) => [r.appointment, r.group_id]));
    expect(groupOf.get(first.id)).toBe(anna.providerId);
    expect(groupOf.get(second.id)).toBe(anna.providerId);
    expect(groupOf.get(other.id)).toBe(bob.providerId);
  });
});
