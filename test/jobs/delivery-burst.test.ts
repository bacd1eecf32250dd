// A burst of bookings on two instances of the jobs: every confirmation mail and DM goes out once.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertBooking } from '../../src/booking/insert-booking.ts';
import { type Jobs, startJobs } from '../../src/jobs/start-jobs.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { HOUR, sleep, waitFor } from './job-inspection.ts';
import { type Parties, RecordingMailer, seedParties, silentLogger } from './jobs-fixtures.ts';

const BOOKINGS = 200;
const db = await createTestDatabase();
// One recorder per instance, as two processes would have; what counts is the sum.
const mailers = [new RecordingMailer(), new RecordingMailer()];
const messengers = [new RecordingMessenger(), new RecordingMessenger()];
let instances: Jobs[] = [];

beforeAll(async () => {
  // The production settings (no options): batch sizes, workers, NOTIFY, polling and relay rounds.
  instances = await Promise.all(
    [0, 1].map((i) =>
      startJobs({
        databaseUrl: db.url,
        db: db.db,
        mailer: mailers[i] ?? new RecordingMailer(),
        messenger: messengers[i] ?? new RecordingMessenger(),
        logger: silentLogger,
        clock: () => new Date(),
      }),
    ),
  );
});
afterAll(() => Promise.all(instances.map((jobs) => jobs.stop())));

/** Booked by an admin, so both parties hear of it in chat; ten days ahead, so no reminder is due. */
async function bookAsAdmin(p: Parties, start: Date) {
  const end = new Date(start.getTime() + HOUR);
  return insertBooking(
    db.pool,
    {
      providerId: p.providerId,
      clientId: p.clientId,
      serviceId: p.serviceId,
      startTime: start,
      endTime: end,
      blockedUntil: end,
      status: 'CONFIRMED',
      amountDue: 0,
      holdExpiresAt: null,
      notes: null,
      price: 5000,
      currency: 'EUR',
      actor: 'admin',
      key: { scope: 'admin', key: randomBytes(8).toString('hex'), requestHash: 'h' },
    },
    new Date(),
  );
}

const mailsTo = (address: string | null) => mailers.flatMap((m) => m.to(address ?? ''));
const dmsTo = (user: string | null) =>
  messengers.flatMap((m) => m.sent.filter((s) => s.to.platformUserId === user));

describe('a burst of bookings on two instances', () => {
  it('mails and DMs each party of each booking exactly once, and finishes', {
    timeout: 90_000,
  }, async () => {
    // One provider and one client per booking, so every delivery names its booking.
    const parties: Parties[] = [];
    for (let i = 0; i < BOOKINGS; i += 20) {
      parties.push(...(await Promise.all(Array.from({ length: 20 }, () => seedParties(db)))));
    }
    const start = new Date(Math.floor(Date.now() / HOUR) * HOUR + 240 * HOUR);
    await Promise.all(parties.map((p) => bookAsAdmin(p, start)));
    // Both instances relay at once, as their nudges would; the relay loops pick up the rest.
    await Promise.all(instances.map((jobs) => jobs.relayOnce()));

    const delivered = () =>
      parties.every(
        (p) =>
          mailsTo(p.clientEmail).length > 0 &&
          mailsTo(p.providerEmail).length > 0 &&
          dmsTo(p.clientChat).length > 0 &&
          dmsTo(p.providerChat).length > 0,
      );
    await waitFor(delivered, 60_000);
    // A duplicate would come from a second delivery of a job; give it time to show.
    await sleep(2_000);

    for (const p of parties) {
      expect(mailsTo(p.clientEmail).map((m) => m.subject)).toEqual([
        expect.stringMatching(/^Booked: Massage with Anna Weber/),
      ]);
      expect(mailsTo(p.providerEmail).map((m) => m.subject)).toEqual([
        expect.stringMatching(/^New booking: Sam Client/),
      ]);
      expect(dmsTo(p.clientChat)).toHaveLength(1);
      expect(dmsTo(p.providerChat)).toHaveLength(1);
    }
    const total = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
    expect(total(mailers.map((m) => m.sent.length))).toBe(2 * BOOKINGS);
    expect(total(messengers.map((m) => m.sent.length))).toBe(2 * BOOKINGS);
  });
});
