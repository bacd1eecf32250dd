// Waitlists through the jobs: a cancellation relayed from the outbox makes an offer, the first in
// line is DMed (and mailed) with Book / No thanks, the expiry walk sends it to the next in line;
// each is told in their own stored language (none stored: English).
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatIdentities } from '../../src/db/schema/chat.ts';
import { clients } from '../../src/db/schema/clients.ts';
import { providers } from '../../src/db/schema/providers.ts';
import { APPOINTMENT_EVENT_TYPES } from '../../src/domain/appointment-event-types.ts';
import { deterministicJobId } from '../../src/jobs/job-ids.ts';
import { type Jobs, startJobs } from '../../src/jobs/start-jobs.ts';
import { planWaitlistJobs } from '../../src/jobs/waitlist-plan.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-database.ts';
import {
  bookForSomeone,
  cancel,
  FRIDAY_TEN,
  minutesAfter,
  oneSlotProvider,
  wait,
} from '../waitlist/waitlist-support.ts';
import { waitFor } from './job-inspection.ts';
import { RecordingMailer, silentLogger } from './jobs-fixtures.ts';

const db = await createTestDatabase();
const mailer = new RecordingMailer();
const messenger = new RecordingMessenger();
let jobs: Jobs;
// The jobs' clock; the test moves it. pg-boss runs an expiry job at its real time, long past for
// these fixed dates: it runs at once, finds its offer not lapsed by this clock, and is retried
// (every second here) until the clock has moved past the offer's end.
let now = MONDAY_MORNING;

beforeAll(async () => {
  const deps = { databaseUrl: db.url, db: db.db, messenger, mailer, logger: silentLogger };
  jobs = await startJobs(
    { ...deps, clock: () => now, waitlistOfferMinutes: 12 },
    {
      pollingIntervalSeconds: 0.5,
      retry: { retryLimit: 30, retryDelaySeconds: 1, retryDelayMaxSeconds: 1 },
    },
  );
});
afterAll(() => jobs.stop());

/**
 * A waiting client with a telegram identity (and an email and a stored language when asked);
 * its chat user id.
 */
async function chatty(
  clientId: string,
  email: string | null,
  language: string | null = null,
): Promise<string> {
  const user = `w${randomBytes(4).toString('hex')}`;
  await db.db
    .update(clients)
    .set({ email, timezone: 'Europe/Berlin', language })
    .where(eq(clients.id, clientId));
  await db.db
    .insert(chatIdentities)
    .values({ platform: 'telegram', platformUserId: user, displayName: user, clientId });
  return user;
}

async function retriesOf(jobId: string): Promise<number> {
  const { rows } = await db.pool.query<{ retry_count: number }>(
    'select retry_count from pgboss.job where id = $1',
    [jobId],
  );
  return rows[0]?.retry_count ?? 0;
}

const dms = (user: string) => messenger.sent.filter((s) => s.to.platformUserId === user);

describe('planWaitlistJobs', () => {
  it.each(APPOINTMENT_EVENT_TYPES)('%s', (type) => {
    const event = {
      id: 7,
      appointmentId: '00000000-0000-4000-8000-000000000001',
      providerId: '00000000-0000-4000-8000-000000000002',
      type,
      actor: 'admin',
      fromStatus: null,
      toStatus: 'CANCELLED' as const,
      payload: {},
      createdAt: MONDAY_MORNING,
      currentStart: MONDAY_MORNING,
    };
    const frees = ['CANCELLED', 'DECLINED', 'RESCHEDULED', 'HOLD_EXPIRED'].includes(type);
    expect(planWaitlistJobs(event)).toEqual(
      frees
        ? [
            {
              queue: 'waitlist-offers',
              id: deterministicJobId(['waitlist-offers', '7']),
              data: { providerId: event.providerId },
            },
          ]
        : [],
    );
  });
});

describe('waitlist jobs', () => {
  it('relay -> offer -> DM and mail -> expiry -> the next in line is DMed in German', async () => {
    now = MONDAY_MORNING;
    const f = await oneSlotProvider(db.db);
    await db.db
      .update(providers)
      .set({ name: 'Dr Anna Berg' })
      .where(eq(providers.id, f.providerId));
    const booked = await bookForSomeone(db.db, f, FRIDAY_TEN, now);
    const first = await wait(db.db, f, now);
    const second = await wait(db.db, f, minutesAfter(now, 1));
    const firstChat = await chatty(first.clientId, `first-${first.clientId}@example.com`);
    const secondMail = `second-${second.clientId}@example.com`;
    const secondChat = await chatty(second.clientId, secondMail, 'de');
    await cancel(db.db, booked, now);
    await jobs.relayOnce();
    await waitFor(() => dms(firstChat).length > 0);
    const [offer] = dms(firstChat);
    expect(offer?.message.text).toBe(
      [
        'Good news: Fri 4 Dec 10:00 with Dr Anna Berg (Session, 60 min) just opened.',
        'It is kept for you until 07:12 (Europe/Berlin). Book it?',
        'If you do not answer by then, it goes to the next person waiting; your place in line for other times stays. Send /waitlist to see what you are waiting for.',
      ].join('\n'),
    );
    const { rows } = await db.pool.query<{ id: string }>(
      `select id from waitlist_offers where client_id = $1 and status = 'OPEN'`,
      [first.clientId],
    );
    const offerId = rows[0]?.id ?? '';
    expect(offer?.message.buttons.flat().map((b) => [b.label, b.data])).toEqual([
      ['Book', `wa:${offerId}`],
      ['No thanks', `wp:${offerId}`],
    ]);
    await waitFor(() => mailer.to(`first-${first.clientId}@example.com`).length > 0);
    expect(mailer.to(`first-${first.clientId}@example.com`)[0]?.subject).toBe(
      'A time opened: Fri 4 Dec 10:00 with Dr Anna Berg',
    );
    expect(dms(secondChat)).toEqual([]);

    // The offer's expiry walk is queued for its end and waits for it (retried while not due).
    const expiryId = deterministicJobId(['waitlist-expiry', offerId]);
    const expiry = await db.pool.query<{ data: unknown }>(
      `select data from pgboss.job where name = 'waitlist-offers' and id = $1`,
      [expiryId],
    );
    // Its start_after is not checked: the test's clock is days behind the database's, so the
    // worker may already have tried it, and pg-boss then moves start_after by its own clock.
    expect(expiry.rows[0]?.data).toEqual({ providerId: f.providerId, offerId });
    await waitFor(async () => (await retriesOf(expiryId)) > 0);
    expect(dms(secondChat)).toEqual([]);
    now = minutesAfter(MONDAY_MORNING, 12);
    await waitFor(() => dms(secondChat).length > 0, 20_000);
    // The second client's stored language is German: the DM and the mail are in German.
    const german = dms(secondChat)[0]?.message;
    expect(german?.text).toMatch(/^Gute Nachricht: Fr\., 4\. Dez\., 10:00 Uhr bei Dr Anna Berg/);
    expect(german?.text).toMatch(/bis 07:24 Uhr \(Europe\/Berlin\) für Sie reserviert/);
    expect(german?.buttons.flat().map((b) => b.label)).toEqual(['Buchen', 'Nein, danke']);
    await waitFor(() => mailer.to(secondMail).length > 0);
    expect(mailer.to(secondMail)[0]?.subject).toBe(
      'Eine Zeit ist frei geworden: Fr., 4. Dez., 10:00 Uhr bei Dr Anna Berg',
    );
    // The first is not told again.
    expect(dms(firstChat)).toHaveLength(1);
  });
});
