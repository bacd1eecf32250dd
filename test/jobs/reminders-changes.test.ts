// Cancelled and moved appointments: stale reminders never send; a restart loses none.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelAppointment } from '../../src/booking/cancel-appointment.ts';
import { type Jobs, startJobs } from '../../src/jobs/start-jobs.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { HOUR, inspector, reminderJobs, sleep, waitFor } from './job-inspection.ts';
import {
  book,
  move,
  RecordingMailer,
  reminderDms,
  seedParties,
  silentLogger,
} from './jobs-fixtures.ts';

const db = await createTestDatabase();
const messenger = new RecordingMessenger();
const mailer = new RecordingMailer();
const boss = await inspector(db);
const deps = {
  databaseUrl: db.url,
  db: db.db,
  messenger,
  mailer,
  logger: silentLogger,
  clock: () => new Date(),
};
const options = { pollingIntervalSeconds: 0.5 };
let jobs: Jobs;

beforeAll(async () => {
  jobs = await startJobs(deps, options);
});
afterAll(() => jobs.stop());

// Reminder DMs only: the booking's own notices go to the same chats.
const dmsTo = (user: string | null) => reminderDms(messenger.sent, user);
const states = async (appointmentId: string, start: Date) =>
  (await reminderJobs(boss, appointmentId, start)).map((j) => j?.state ?? null);

// Each test has its own parties and appointment, so they wait side by side.
describe.concurrent('reminders after changes', () => {
  it('sends nothing for an appointment cancelled before the reminder is due', async () => {
    const p = await seedParties(db);
    const now = new Date();
    const start = new Date(now.getTime() + 48 * HOUR + 2_500);
    const appointment = await book(db.pool, p, start, now);
    await jobs.relayOnce();
    const cancelled = await cancelAppointment(
      db.db,
      { appointmentId: appointment.id, by: 'CLIENT', actor: 'test', reason: null },
      new Date(),
    );
    expect(cancelled.ok).toBe(true);
    await jobs.relayOnce();
    expect(await states(appointment.id, start)).toEqual(Array(6).fill('cancelled'));
    await sleep(4_000);
    expect(dmsTo(p.clientChat)).toHaveLength(0);
    expect(dmsTo(p.providerChat)).toHaveLength(0);
    expect(mailer.reminders(p.clientEmail ?? '')).toHaveLength(0);
  });

  it('sends only the new time reminders after a reschedule', async () => {
    const p = await seedParties(db);
    const now = new Date();
    const oldStart = new Date(now.getTime() + 48 * HOUR + 2_000);
    const newStart = new Date(now.getTime() + 48 * HOUR + 4_000);
    const appointment = await book(db.pool, p, oldStart, now);
    await jobs.relayOnce();
    await move(db, appointment.id, newStart, new Date());
    await jobs.relayOnce();
    expect(await states(appointment.id, oldStart)).toEqual(Array(6).fill('cancelled'));
    await waitFor(
      () => dmsTo(p.clientChat).length > 0 && mailer.reminders(p.providerEmail ?? '').length > 0,
    );
    await sleep(1_500);
    expect(dmsTo(p.clientChat)).toHaveLength(1);
    expect(dmsTo(p.providerChat)).toHaveLength(1);
    expect(mailer.reminders(p.clientEmail ?? '')).toHaveLength(1);
    expect(mailer.reminders(p.providerEmail ?? '')).toHaveLength(1);
    const newStates = await states(appointment.id, newStart);
    expect(newStates.slice(0, 4)).toEqual(Array(4).fill('completed'));
  });
});

describe('restarts', () => {
  it('sends a reminder exactly once when the process restarts before it is due', async () => {
    const p = await seedParties(db);
    const now = new Date();
    const start = new Date(now.getTime() + 48 * HOUR + 2_500);
    await book(db.pool, p, start, now);
    await jobs.relayOnce();
    await jobs.stop();
    jobs = await startJobs(deps, options);
    await waitFor(() => dmsTo(p.clientChat).length > 0 && dmsTo(p.providerChat).length > 0);
    await waitFor(() => mailer.reminders(p.clientEmail ?? '').length > 0);
    await sleep(1_500);
    expect(dmsTo(p.clientChat)).toHaveLength(1);
    expect(dmsTo(p.providerChat)).toHaveLength(1);
    expect(mailer.reminders(p.clientEmail ?? '')).toHaveLength(1);
    expect(mailer.reminders(p.providerEmail ?? '')).toHaveLength(1);
  });
});
