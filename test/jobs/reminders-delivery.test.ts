// Reminders reach both parties once, at the right time, by the right channels; refusals are recorded.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointmentEvents } from '../../src/db/schema/appointments.ts';
import { type Jobs, startJobs } from '../../src/jobs/start-jobs.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { HOUR, inspector, kindOf, reminderJobs, sleep, waitFor } from './job-inspection.ts';
import { book, RecordingMailer, reminderDms, seedParties, silentLogger } from './jobs-fixtures.ts';

const db = await createTestDatabase();
const messenger = new RecordingMessenger();
const mailer = new RecordingMailer();
let jobs: Jobs;
const boss = await inspector(db);

beforeAll(async () => {
  const deps = { databaseUrl: db.url, db: db.db, messenger, mailer, logger: silentLogger };
  jobs = await startJobs({ ...deps, clock: () => new Date() }, { pollingIntervalSeconds: 0.5 });
});
afterAll(() => jobs.stop());

// Reminder DMs only: the booking's own notices go to the same chats.
const dmsTo = (user: string | null) => reminderDms(messenger.sent, user);

// Each test has its own parties and appointment, so they wait for their reminders side by side.
describe.concurrent('reminders', () => {
  it('sends the 48 h reminder by email and DM to both parties, exactly once', async () => {
    const p = await seedParties(db);
    const now = new Date();
    const start = new Date(now.getTime() + 48 * HOUR + 2_500);
    const appointment = await book(db.pool, p, start, now);
    await jobs.relayOnce();
    const found = await reminderJobs(boss, appointment.id, start);
    expect(found.every((j) => j !== null)).toBe(true);
    const due48 = found.filter((j) => kindOf(j) === 'reminder-48h');
    expect(due48).toHaveLength(4);
    for (const job of due48) expect(job?.startAfter.getTime()).toBe(start.getTime() - 48 * HOUR);

    await waitFor(
      () =>
        mailer.reminders(p.clientEmail ?? '').length >= 1 &&
        mailer.reminders(p.providerEmail ?? '').length >= 1 &&
        dmsTo(p.clientChat).length >= 1 &&
        dmsTo(p.providerChat).length >= 1,
    );
    await sleep(1_500);
    expect(mailer.reminders(p.clientEmail ?? '')).toHaveLength(1);
    expect(mailer.reminders(p.providerEmail ?? '')).toHaveLength(1);
    expect(mailer.reminders(p.clientEmail ?? '')[0]?.subject).toBe(
      'Reminder: in 2 days: Massage with Anna Weber',
    );
    expect(dmsTo(p.clientChat)).toHaveLength(1);
    expect(dmsTo(p.providerChat)).toHaveLength(1);
    expect(dmsTo(p.providerChat)[0]?.message.text).toContain('Massage with Sam Client');
  });

  it('sends the 1 h reminder by DM only and skips the 48 h one already past', async () => {
    const p = await seedParties(db);
    const now = new Date();
    const start = new Date(now.getTime() + HOUR + 2_000);
    const appointment = await book(db.pool, p, start, now);
    await jobs.relayOnce();
    const found = await reminderJobs(boss, appointment.id, start);
    expect(found.filter((j) => j !== null).map((j) => kindOf(j))).toEqual([
      'reminder-1h',
      'reminder-1h',
    ]);
    await waitFor(() => dmsTo(p.clientChat).length >= 1 && dmsTo(p.providerChat).length >= 1);
    await sleep(1_500);
    expect(dmsTo(p.clientChat)).toHaveLength(1);
    expect(dmsTo(p.clientChat)[0]?.message.text).toMatch(/^Reminder: in 1 hour/);
    expect(dmsTo(p.providerChat)).toHaveLength(1);
    expect(mailer.reminders(p.clientEmail ?? '')).toHaveLength(0);
  });

  it('records a refused DM as DELIVERY_FAILED and still sends the email and the other DM', async () => {
    const p = await seedParties(db);
    messenger.failFor.add(p.clientChat ?? '');
    const now = new Date();
    const start = new Date(now.getTime() + 48 * HOUR + 2_000);
    const appointment = await book(db.pool, p, start, now);
    await jobs.relayOnce();
    const failures = () =>
      db.db
        .select()
        .from(appointmentEvents)
        .where(
          and(
            eq(appointmentEvents.appointmentId, appointment.id),
            eq(appointmentEvents.type, 'DELIVERY_FAILED'),
          ),
        );
    await waitFor(
      async () => (await failures()).length > 0 && mailer.reminders(p.clientEmail ?? '').length > 0,
    );
    await waitFor(() => dmsTo(p.providerChat).length > 0);
    const [failure] = await failures();
    expect(failure?.toStatus).toBe('CONFIRMED');
    expect(failure?.payload).toMatchObject({
      channel: 'chat',
      kind: 'reminder-48h',
      party: 'client',
      reason: 'MessengerError: bot was blocked by the user',
    });
    expect(JSON.stringify(failure?.payload)).not.toContain(p.clientChat ?? '');
  });

  it('emails only a person without a chat identity, and DMs only one without an email', async () => {
    const p = await seedParties(db, { clientChat: false, clientEmail: false });
    const now = new Date();
    const start = new Date(now.getTime() + 48 * HOUR + 2_000);
    await book(db.pool, p, start, now);
    await jobs.relayOnce();
    await waitFor(
      () => mailer.reminders(p.providerEmail ?? '').length > 0 && dmsTo(p.providerChat).length > 0,
    );
    await sleep(1_000);
    expect(mailer.reminders(p.providerEmail ?? '-')).toHaveLength(1);
    expect(dmsTo(p.providerChat)).toHaveLength(1);
  });
});
