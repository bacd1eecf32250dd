// Reminders of a weekly series are per occurrence: each date gets its own, and cancelling one
// date cancels only that date's reminders.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelAppointment } from '../../src/booking/cancel-appointment.ts';
import { availability } from '../../src/db/schema/availability.ts';
import { type Jobs, startJobs } from '../../src/jobs/start-jobs.ts';
import { bookWholeSeries } from '../../src/series/book-series.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { inspector, reminderJobs } from './job-inspection.ts';
import { RecordingMailer, seedParties, silentLogger } from './jobs-fixtures.ts';

const db = await createTestDatabase();
const boss = await inspector(db);
let jobs: Jobs;

beforeAll(async () => {
  jobs = await startJobs(
    {
      databaseUrl: db.url,
      db: db.db,
      messenger: new RecordingMessenger(),
      mailer: new RecordingMailer(),
      logger: silentLogger,
      clock: () => new Date(),
    },
    { pollingIntervalSeconds: 0.5 },
  );
});
afterAll(() => jobs.stop());

const states = async (appointmentId: string, start: Date) =>
  (await reminderJobs(boss, appointmentId, start)).map((j) => j?.state ?? null);

describe('reminders of a weekly series', () => {
  it('schedules each occurrence its own reminders; cancelling one date leaves the others', async () => {
    const p = await seedParties(db);
    await db.db.insert(availability).values(
      [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
        providerId: p.providerId,
        dayOfWeek,
        startTime: '08:00',
        endTime: '20:00',
      })),
    );
    // The jobs run on the real clock, so the series starts a week from now, at 10:00 in Berlin.
    const now = new Date();
    const first = DateTime.fromJSDate(now, { zone: 'Europe/Berlin' })
      .plus({ days: 7 })
      .set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    const booked = await bookWholeSeries(
      db.db,
      {
        providerId: p.providerId,
        serviceId: p.serviceId,
        clientId: p.clientId,
        firstStart: first.toJSDate(),
        timezone: 'Europe/Berlin',
        occurrences: 3,
        intervalWeeks: 1,
        notes: null,
        idempotencyKey: `series-reminders-${p.clientId}`,
        actor: `client:${p.clientId}`,
        paymentHoldMinutes: null,
      },
      now,
    );
    if (!booked.ok) throw new Error(`series refused: ${booked.code}`);
    const dates = booked.value.appointments;
    expect(dates).toHaveLength(3);
    await jobs.relayOnce();
    for (const a of dates) {
      const scheduled = await states(a.id, a.startTime);
      expect(scheduled.length).toBeGreaterThan(0);
      expect(scheduled.every((s) => s === 'created')).toBe(true);
    }
    const middle = dates[1];
    if (!middle) throw new Error('no second date');
    const cancelled = await cancelAppointment(
      db.db,
      { appointmentId: middle.id, by: 'CLIENT', actor: 'test', reason: null },
      new Date(),
    );
    expect(cancelled.ok).toBe(true);
    await jobs.relayOnce();
    expect((await states(middle.id, middle.startTime)).every((s) => s === 'cancelled')).toBe(true);
    for (const a of [dates[0], dates[2]]) {
      if (!a) throw new Error('missing date');
      expect((await states(a.id, a.startTime)).every((s) => s === 'created')).toBe(true);
    }
  });
});
