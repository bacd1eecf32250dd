// Every change of an appointment mails its client once, with an invite calendars can follow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveAppointment } from '../../src/booking/approve-appointment.ts';
import { cancelAppointment } from '../../src/booking/cancel-appointment.ts';
import { QUEUES } from '../../src/jobs/queues.ts';
import { type Jobs, startJobs } from '../../src/jobs/start-jobs.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { deliveryFailures, inviteOf } from './change-mail-harness.ts';
import { HOUR, inspector, jobsOf, sleep, waitFor } from './job-inspection.ts';
import { book, move, RecordingMailer, seedParties, silentLogger } from './jobs-fixtures.ts';

const db = await createTestDatabase();
const mailer = new RecordingMailer();
let jobs: Jobs;
const boss = await inspector(db);

beforeAll(async () => {
  const deps = { databaseUrl: db.url, db: db.db, messenger: new RecordingMessenger(), mailer };
  jobs = await startJobs(
    { ...deps, logger: silentLogger, clock: () => new Date() },
    { pollingIntervalSeconds: 0.5 },
  );
});
afterAll(() => jobs.stop());

/** Ten days ahead at a whole second, so no reminder is due while the tests run. */
const later = (hours = 0) => new Date(Math.floor(Date.now() / 1000) * 1000 + (240 + hours) * HOUR);

describe.concurrent('change emails', () => {
  it('mails one confirmation with a REQUEST invite, even when relayed twice', async () => {
    const p = await seedParties(db);
    const start = later();
    const appointment = await book(db.pool, p, start, new Date());
    await jobs.relayOnce();
    await jobs.relayOnce();
    const inbox = () => mailer.to(p.clientEmail ?? '');
    await waitFor(() => inbox().length > 0);
    await sleep(1_500);
    expect(inbox()).toHaveLength(1);
    expect(inbox()[0]?.subject).toMatch(/^Booked: Massage with Anna Weber/);
    expect(inviteOf(inbox()[0])).toEqual({
      method: 'REQUEST',
      uid: `${appointment.id}@slotline`,
      start: start.toISOString(),
      sequence: 1,
    });
    // The provider hears of it too, in their own mail, once and without an invite.
    await waitFor(() => mailer.to(p.providerEmail ?? '').length > 0);
    const provider = mailer.to(p.providerEmail ?? '');
    expect(provider.map((m) => m.subject)).toEqual([expect.stringMatching(/^New booking: Sam/)]);
    expect(provider[0]?.invite).toBeNull();
  });

  it('sends a CANCEL with the same UID and a higher SEQUENCE when cancelled', async () => {
    const p = await seedParties(db);
    const appointment = await book(db.pool, p, later(), new Date());
    await jobs.relayOnce();
    const input = { appointmentId: appointment.id, by: 'CLIENT' as const, actor: 'test' };
    const cancelled = await cancelAppointment(db.db, { ...input, reason: 'ill' }, new Date());
    expect(cancelled.ok).toBe(true);
    await jobs.relayOnce();
    const inbox = () => mailer.to(p.clientEmail ?? '');
    await waitFor(() => inbox().length >= 2);
    const booked = inviteOf(inbox().find((m) => m.subject.startsWith('Booked')));
    const cancel = inbox().find((m) => m.subject.startsWith('Cancelled'));
    expect(cancel?.text).toContain('Reason: ill');
    expect(inviteOf(cancel)).toMatchObject({ method: 'CANCEL', uid: booked.uid });
    expect(inviteOf(cancel).sequence).toBeGreaterThan(booked.sequence);
  });

  it('sends a REQUEST with the new time when rescheduled', async () => {
    const p = await seedParties(db);
    const appointment = await book(db.pool, p, later(), new Date());
    await jobs.relayOnce();
    const moved = later(26);
    await move(db, appointment.id, moved, new Date());
    await jobs.relayOnce();
    const inbox = () => mailer.to(p.clientEmail ?? '');
    await waitFor(() => inbox().length >= 2);
    const booked = inviteOf(inbox().find((m) => m.subject.startsWith('Booked')));
    const mail = inbox().find((m) => m.subject.startsWith('Moved'));
    expect(mail?.text).toContain('It was:');
    expect(inviteOf(mail)).toMatchObject({ method: 'REQUEST', uid: booked.uid });
    expect(inviteOf(mail).start).toBe(moved.toISOString());
    expect(inviteOf(mail).sequence).toBeGreaterThan(booked.sequence);
  });

  it('mails a pending request without an invite, then the approval with a REQUEST', async () => {
    const p = await seedParties(db);
    const start = later();
    const appointment = await book(db.pool, p, start, new Date(), 'PENDING');
    await jobs.relayOnce();
    const inbox = () => mailer.to(p.clientEmail ?? '');
    await waitFor(() => inbox().length > 0);
    expect(inbox()[0]?.subject).toMatch(/^Request sent:/);
    expect(inbox()[0]?.invite).toBeNull();
    const input = { appointmentId: appointment.id, actor: 'test' };
    expect((await approveAppointment(db.db, input, new Date())).ok).toBe(true);
    await jobs.relayOnce();
    await waitFor(() => inbox().length >= 2);
    expect(inbox()[1]?.subject).toMatch(/^Confirmed:/);
    expect(inviteOf(inbox()[1])).toMatchObject({ method: 'REQUEST', start: start.toISOString() });
  });

  it('mails nothing to a client without an email, and nothing fails', async () => {
    const p = await seedParties(db, { clientEmail: false });
    const appointment = await book(db.pool, p, later(), new Date());
    await jobs.relayOnce();
    const states = async () =>
      (await jobsOf(boss, QUEUES.changeMail, appointment.id)).map((j) => j.state);
    await waitFor(async () => (await states()).join() === 'completed');
    expect(mailer.sent.filter((m) => m.text.includes(appointment.id))).toHaveLength(0);
    expect(await deliveryFailures(db, appointment.id)).toHaveLength(0);
  });

  it('records a permanent rejection as DELIVERY_FAILED', async () => {
    const p = await seedParties(db);
    mailer.rejectFor.add(p.clientEmail ?? '');
    const appointment = await book(db.pool, p, later(), new Date());
    await jobs.relayOnce();
    await waitFor(async () => (await deliveryFailures(db, appointment.id)).length > 0);
    const [failure] = await deliveryFailures(db, appointment.id);
    expect(failure?.toStatus).toBe('CONFIRMED');
    expect(failure?.payload).toMatchObject({
      channel: 'email',
      kind: 'confirmation',
      party: 'client',
      reason: 'MailRejectedError: 550 mailbox unavailable',
    });
    expect(JSON.stringify(failure?.payload)).not.toContain(p.clientEmail ?? '-');
  });
});
