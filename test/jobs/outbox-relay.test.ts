// The relay: committed events produce their jobs once, however often or concurrently it runs.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveAppointment } from '../../src/booking/approve-appointment.ts';
import { outboxCursor } from '../../src/db/schema/jobs.ts';
import { CURSOR_NAME } from '../../src/jobs/outbox-relay.ts';
import { QUEUES } from '../../src/jobs/queues.ts';
import { type Jobs, startJobs } from '../../src/jobs/start-jobs.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { HOUR, inspector, jobsOf } from './job-inspection.ts';
import { book, type Parties, RecordingMailer, seedParties, silentLogger } from './jobs-fixtures.ts';

const db = await createTestDatabase();
const boss = await inspector(db);
const deps = {
  databaseUrl: db.url,
  db: db.db,
  messenger: new RecordingMessenger(),
  mailer: new RecordingMailer(),
  logger: silentLogger,
  clock: () => new Date(),
};
// No background rounds: each test decides when the relay runs.
const options = { pollingIntervalSeconds: 0.5, relayIntervalMs: 3_600_000 };
let a: Jobs;
let b: Jobs;
let p: Parties;

beforeAll(async () => {
  [a, b] = await Promise.all([startJobs(deps, options), startJobs(deps, options)]);
  p = await seedParties(db);
});
afterAll(() => Promise.all([a.stop(), b.stop()]));

/** Far enough ahead that nothing falls due during the test. */
let slot = 0;
function nextStart(): Date {
  slot += 1;
  return new Date(Date.now() + 10 * 24 * HOUR + slot * 2 * HOUR);
}

async function jobCount(appointmentId: string): Promise<number> {
  const chat = await jobsOf(boss, QUEUES.reminders, appointmentId);
  const email = await jobsOf(boss, QUEUES.email, appointmentId);
  return chat.length + email.length;
}

describe('outbox relay', () => {
  it('creates each job once when run twice, rerun from an old cursor, or run concurrently', async () => {
    const booked = await Promise.all(
      [1, 2, 3].map(() => book(db.pool, p, nextStart(), new Date())),
    );
    const counts = await Promise.all([a.relayOnce(), b.relayOnce(), a.relayOnce()]);
    expect(counts.reduce((x, y) => x + y, 0)).toBe(3);
    expect(await a.relayOnce()).toBe(0);
    // A crash between enqueue and cursor update: the same events are relayed again.
    await db.db
      .update(outboxCursor)
      .set({ lastEventId: 0 })
      .where(eq(outboxCursor.name, CURSOR_NAME));
    expect(await b.relayOnce()).toBeGreaterThanOrEqual(3);
    for (const appointment of booked) expect(await jobCount(appointment.id)).toBe(6);
  });

  it('schedules a PENDING booking only once it is approved', async () => {
    const pending = await book(db.pool, p, nextStart(), new Date(), 'PENDING');
    await a.relayOnce();
    expect(await jobCount(pending.id)).toBe(0);
    const approved = await approveAppointment(
      db.db,
      { appointmentId: pending.id, actor: 'test' },
      new Date(),
    );
    expect(approved.ok).toBe(true);
    await a.relayOnce();
    expect(await jobCount(pending.id)).toBe(6);
  });

  it('produces nothing for a rolled-back change and skips its id once it is final', async () => {
    const start = nextStart();
    const doomed = await db.pool.connect();
    await doomed.query('begin');
    await book(doomed, p, start, new Date());
    await doomed.query('rollback');
    doomed.release();
    const committed = await book(db.pool, p, start, new Date());
    expect(await a.relayOnce()).toBe(1);
    expect(await jobCount(committed.id)).toBe(6);
  });

  it('waits for an earlier id still being written instead of skipping it', async () => {
    const slow = await db.pool.connect();
    try {
      await slow.query('begin');
      const early = await book(slow, p, nextStart(), new Date());
      const late = await book(db.pool, p, nextStart(), new Date());
      expect(await a.relayOnce()).toBe(0);
      await slow.query('commit');
      expect(await a.relayOnce()).toBe(2);
      expect(await jobCount(early.id)).toBe(6);
      expect(await jobCount(late.id)).toBe(6);
    } finally {
      slow.release();
    }
  });
});
