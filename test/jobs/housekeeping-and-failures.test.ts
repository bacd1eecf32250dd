// Housekeeping removes expired keys on an hourly schedule; exhausted jobs land in the dead letters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChatAddress,
  ChatMessage,
  Messenger,
  SentMessageRef,
} from '../../src/chat/chat-types.ts';
import { idempotencyKeys } from '../../src/db/schema/infrastructure.ts';
import { sentRequests } from '../../src/db/schema/sent-requests.ts';
import { runHousekeeping } from '../../src/jobs/housekeeping.ts';
import { QUEUES } from '../../src/jobs/queues.ts';
import { remindersFor } from '../../src/jobs/reminder-plan.ts';
import { type Jobs, startJobs } from '../../src/jobs/start-jobs.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { HOUR, inspector, waitFor } from './job-inspection.ts';
import { book, RecordingMailer, seedParties, silentLogger } from './jobs-fixtures.ts';

/** A platform that is down: every send fails with an error that is not a MessengerError. */
class DownMessenger implements Messenger {
  /** Attempts to send a reminder (the booking's own notices fail the same way). */
  attempts = 0;
  async send(_to: ChatAddress, message: ChatMessage): Promise<SentMessageRef[]> {
    if (message.text.startsWith('Reminder')) this.attempts += 1;
    throw new Error('ECONNRESET');
  }
  async edit(): Promise<void> {
    throw new Error('ECONNRESET');
  }
}

const db = await createTestDatabase();
const boss = await inspector(db);
const messenger = new DownMessenger();
let jobs: Jobs;

beforeAll(async () => {
  jobs = await startJobs(
    {
      databaseUrl: db.url,
      db: db.db,
      messenger,
      mailer: new RecordingMailer(),
      logger: silentLogger,
      clock: () => new Date(),
    },
    { pollingIntervalSeconds: 0.5, retry: { retryLimit: 1, retryDelaySeconds: 1 } },
  );
});
afterAll(() => jobs.stop());

describe('housekeeping', () => {
  it('deletes idempotency keys that expired before now and keeps the others', async () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const key = (name: string, expiresAt: Date) => ({
      scope: 'test',
      key: name,
      requestHash: 'h',
      responseStatus: 201,
      responseBody: {},
      createdAt: new Date(expiresAt.getTime() - 24 * HOUR),
      expiresAt,
    });
    await db.db
      .insert(idempotencyKeys)
      .values([
        key('old', new Date(now.getTime() - 1)),
        key('live', new Date(now.getTime() + HOUR)),
      ]);
    const result = await runHousekeeping(db.db, now);
    expect(result.idempotencyKeys).toBe(1);
    const left = await db.db.select({ key: idempotencyKeys.key }).from(idempotencyKeys);
    expect(left.map((k) => k.key)).toEqual(['live']);
  });

  it('forgets request copies settled over 30 days ago, and keeps the rest', async () => {
    const p = await seedParties(db);
    const now = new Date('2026-12-01T12:00:00Z');
    const appointment = await book(db.pool, p, new Date('2026-12-20T10:00:00Z'), now);
    const copy = (messageId: string, settledAt: Date | null) => ({
      appointmentId: appointment.id,
      platform: 'telegram' as const,
      address: '42',
      messageId,
      createdAt: new Date('2026-10-01T00:00:00Z'),
      settledAt,
    });
    await db.db
      .insert(sentRequests)
      .values([
        copy('old', new Date(now.getTime() - 31 * 24 * HOUR)),
        copy('recent', new Date(now.getTime() - 29 * 24 * HOUR)),
        copy('open', null),
      ]);
    const result = await runHousekeeping(db.db, now);
    expect(result.requestCopies).toBe(1);
    const left = await db.db.select({ id: sentRequests.messageId }).from(sentRequests);
    expect(left.map((r) => r.id).sort()).toEqual(['open', 'recent']);
  });

  it('is scheduled hourly', async () => {
    const schedules = await boss.getSchedules(QUEUES.housekeeping);
    expect(schedules.map((s) => [s.cron, s.timezone])).toEqual([['0 * * * *', 'UTC']]);
  });
});

describe('failed jobs', () => {
  it('retries a transient failure and then lists the job among the dead letters', async () => {
    const p = await seedParties(db);
    const now = new Date();
    const start = new Date(now.getTime() + 48 * HOUR + 1_000);
    const appointment = await book(db.pool, p, start, now);
    await jobs.relayOnce();
    const dmIds = remindersFor(appointment.id, start)
      .filter((j) => j.queue === QUEUES.reminders && j.data.kind === 'reminder-48h')
      .map((j) => j.id);
    await waitFor(async () => {
      const failed = await jobs.listFailedJobs({ limit: 100 });
      return dmIds.every((id) => failed.some((f) => f.sourceId === id));
    }, 15_000);
    const failed = await jobs.listFailedJobs({ limit: 100 });
    const mine = failed.filter((f) => dmIds.includes(f.sourceId ?? ''));
    expect(mine.map((f) => f.sourceQueue)).toEqual([QUEUES.reminders, QUEUES.reminders]);
    expect(mine[0]?.output).toMatchObject({ error: 'Error: ECONNRESET' });
    expect(messenger.attempts).toBe(4);
  });
});
