// Every change reaches the parties' chats and inboxes from the outbox, once, in their own words.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveAppointment } from '../../src/booking/approve-appointment.ts';
import { cancelAppointment } from '../../src/booking/cancel-appointment.ts';
import { markNoShow } from '../../src/booking/mark-no-show.ts';
import { type Jobs, startJobs } from '../../src/jobs/start-jobs.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { deliveryFailures } from './change-mail-harness.ts';
import { HOUR, sleep, waitFor } from './job-inspection.ts';
import { book, move, RecordingMailer, seedParties, silentLogger } from './jobs-fixtures.ts';

const db = await createTestDatabase();
const mailer = new RecordingMailer();
const messenger = new RecordingMessenger();
let jobs: Jobs;

beforeAll(async () => {
  const deps = { databaseUrl: db.url, db: db.db, messenger, mailer, logger: silentLogger };
  jobs = await startJobs({ ...deps, clock: () => new Date() }, { pollingIntervalSeconds: 0.5 });
});
afterAll(() => jobs.stop());

/** Ten days ahead at a whole second, so no reminder is due while the tests run. */
const later = (hours = 0) => new Date(Math.floor(Date.now() / 1000) * 1000 + (240 + hours) * HOUR);
const dms = (user: string | null) =>
  messenger.sent.filter((s) => s.to.platformUserId === user).map((s) => s.message);
const subjects = (address: string | null) => mailer.to(address ?? '').map((m) => m.subject);
/** Waits for `check`, then a little longer, so a duplicate would have had time to arrive. */
const settled = async (check: () => boolean) => {
  await waitFor(check);
  await sleep(1_500);
};

describe.concurrent('change notices from the outbox', () => {
  it('asks the provider to approve a request and tells the client, once, even relayed twice', async () => {
    const p = await seedParties(db);
    const a = await book(db.pool, p, later(), new Date(), 'PENDING');
    await jobs.relayOnce();
    await jobs.relayOnce();
    await settled(
      () =>
        dms(p.providerChat).length > 0 &&
        subjects(p.providerEmail).length > 0 &&
        subjects(p.clientEmail).length > 0,
    );
    // The client booked in chat (actor client:...), so saw the outcome there: no DM to them.
    expect(dms(p.clientChat)).toEqual([]);
    const [request] = dms(p.providerChat);
    expect(dms(p.providerChat)).toHaveLength(1);
    expect(request?.text).toMatch(/^Booking request from Sam Client/);
    expect(request?.buttons.flat().map((b) => b.data)).toEqual([`ap:${a.id}`, `dc:${a.id}`]);
    expect(subjects(p.providerEmail)).toEqual([expect.stringMatching(/^Approval needed: Sam/)]);
    expect(subjects(p.clientEmail)).toEqual([expect.stringMatching(/^Request sent:/)]);
  });

  it('tells the client of an approval made outside chat', async () => {
    const p = await seedParties(db);
    const a = await book(db.pool, p, later(1), new Date(), 'PENDING');
    const approved = await approveAppointment(
      db.db,
      { appointmentId: a.id, actor: 'admin' },
      new Date(),
    );
    expect(approved.ok).toBe(true);
    await jobs.relayOnce();
    await settled(() => dms(p.clientChat).length > 0);
    expect(dms(p.clientChat).map((m) => m.text)).toEqual([
      expect.stringMatching(/^Good news: Anna Weber approved your booking/),
    ]);
  });

  it('tells the other party of a cancel: the provider by mail and chat when the client cancels', async () => {
    const p = await seedParties(db);
    const a = await book(db.pool, p, later(2), new Date());
    const input = { appointmentId: a.id, by: 'CLIENT', actor: 'admin', reason: 'Flu' } as const;
    expect((await cancelAppointment(db.db, input, new Date())).ok).toBe(true);
    await jobs.relayOnce();
    await settled(() => subjects(p.providerEmail).length >= 2 && dms(p.providerChat).length >= 2);
    expect(dms(p.providerChat).map((m) => m.text)).toEqual([
      expect.stringMatching(/^New booking: Sam Client/),
      expect.stringMatching(/^Sam Client cancelled Massage/),
    ]);
    expect(subjects(p.providerEmail)).toEqual([
      expect.stringMatching(/^New booking: Sam/),
      expect.stringMatching(/^Cancelled: Sam/),
    ]);
    expect(mailer.to(p.providerEmail ?? '')[1]?.text).toContain('Reason: Flu');
    // The client did not hear of the booking in chat (they made it) nor of their own cancel.
    expect(dms(p.clientChat)).toEqual([]);
  });

  it('tells both parties of a move made by an admin, each with the old and new time', async () => {
    const p = await seedParties(db);
    const a = await book(db.pool, p, later(3), new Date());
    await move(db, a.id, later(5), new Date());
    await jobs.relayOnce();
    const moved = (user: string | null) => dms(user).filter((m) => m.text.includes('moved'));
    const movedMail = () => subjects(p.providerEmail).filter((s) => s.startsWith('Moved'));
    // Mail and chat go out as separate jobs: wait for all three, not only the chats.
    await settled(
      () =>
        moved(p.clientChat).length > 0 &&
        moved(p.providerChat).length > 0 &&
        movedMail().length > 0,
    );
    expect(moved(p.clientChat)).toHaveLength(1);
    expect(moved(p.clientChat)[0]?.text).toMatch(/^Your Massage with Anna Weber moved from/);
    expect(moved(p.providerChat)).toHaveLength(1);
    expect(moved(p.providerChat)[0]?.text).toMatch(/^Sam Client's Massage moved from/);
    expect(movedMail()).toEqual([expect.stringMatching(/^Moved: Sam Client, now/)]);
  });

  it('explains a no-show to the client by chat and mail, with the lockout date', async () => {
    const p = await seedParties(db);
    const start = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000);
    const a = await book(db.pool, p, start, new Date());
    const after = new Date(start.getTime() + 2 * HOUR);
    const input = { appointmentId: a.id, actor: `provider:${p.providerId}`, lockoutDays: 30 };
    expect((await markNoShow(db.db, input, after)).ok).toBe(true);
    await jobs.relayOnce();
    const missed = () =>
      mailer.to(p.clientEmail ?? '').filter((m) => m.subject.startsWith('Missed'));
    await settled(() => missed().length > 0 && dms(p.clientChat).length > 0);
    const { rows } = await db.pool.query<{ until: Date }>(
      'select no_show_lockout_until as until from clients where id = $1',
      [p.clientId],
    );
    const until = rows[0]?.until ?? new Date(0);
    expect(until.getTime()).toBeGreaterThan(after.getTime() + 29 * 24 * HOUR);
    const day = DateTime.fromJSDate(until, { zone: 'Europe/London' }).toFormat('d LLL yyyy');
    expect(dms(p.clientChat).map((m) => m.text)).toEqual([
      expect.stringContaining('marked as not attending'),
    ]);
    expect(missed()).toHaveLength(1);
    expect(missed()[0]?.text).toContain('Its price is still due.');
    expect(missed()[0]?.text).toContain(`Until ${day} you can book`);
  });

  it('records a blocked chat as DELIVERY_FAILED and still mails', async () => {
    const p = await seedParties(db);
    messenger.failFor.add(p.providerChat ?? '');
    const a = await book(db.pool, p, later(6), new Date());
    await jobs.relayOnce();
    await settled(() => subjects(p.providerEmail).length > 0);
    await waitFor(async () => (await deliveryFailures(db, a.id)).length > 0);
    const failures = (await deliveryFailures(db, a.id)).map((e) => e.payload);
    expect(failures).toEqual([
      expect.objectContaining({ channel: 'chat', kind: 'booked', party: 'provider' }),
    ]);
  });
});
