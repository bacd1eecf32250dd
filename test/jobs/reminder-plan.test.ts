// Which jobs an event implies, and the ids they get: pure rules, no database.
import { describe, expect, it } from 'vitest';
import { deterministicJobId } from '../../src/jobs/job-ids.ts';
import type { RelayedEvent } from '../../src/jobs/relayed-event.ts';
import { planReminders } from '../../src/jobs/reminder-plan.ts';

const ID = '7b0c2a8e-3f5d-4c1e-9a6b-2d4f8e1c3a5b';
const START = new Date('2026-12-03T10:00:00Z');
const HOUR = 3_600_000;

function event(overrides: Partial<RelayedEvent>): RelayedEvent {
  return {
    id: 1,
    appointmentId: ID,
    providerId: '22222222-2222-4222-8222-222222222222',
    type: 'BOOKED',
    actor: 'admin',
    toStatus: 'CONFIRMED',
    payload: { start_time: START.toISOString() },
    createdAt: new Date(START.getTime() - 72 * HOUR),
    currentStart: START,
    ...overrides,
  };
}

const summary = (jobs: ReturnType<typeof planReminders>['schedule']) =>
  jobs.map((j) => `${j.queue}:${j.data.kind}:${j.data.party}`);

describe('deterministicJobId', () => {
  it('gives the same version-5 style UUID for the same parts and another for other parts', () => {
    const id = deterministicJobId([ID, 'reminder-1h', START.toISOString()]);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicJobId([ID, 'reminder-1h', START.toISOString()])).toBe(id);
    expect(deterministicJobId([ID, 'reminder-48h', START.toISOString()])).not.toBe(id);
  });
});

describe('planReminders', () => {
  it('schedules email and DMs 48 h ahead and DMs 1 h ahead for a confirmed booking', () => {
    const plan = planReminders(event({}));
    expect(summary(plan.schedule)).toEqual([
      'notifications-email:reminder-48h:client',
      'notifications-email:reminder-48h:provider',
      'reminders:reminder-48h:client',
      'reminders:reminder-48h:provider',
      'reminders:reminder-1h:client',
      'reminders:reminder-1h:provider',
    ]);
    expect(plan.schedule[0]?.startAfter).toEqual(new Date(START.getTime() - 48 * HOUR));
    expect(plan.schedule[4]?.startAfter).toEqual(new Date(START.getTime() - HOUR));
    expect(plan.cancel).toEqual([]);
  });

  it('skips reminders already due when the event happened', () => {
    const late = planReminders(event({ createdAt: new Date(START.getTime() - 2 * HOUR) }));
    expect(summary(late.schedule)).toEqual([
      'reminders:reminder-1h:client',
      'reminders:reminder-1h:provider',
    ]);
  });

  it('schedules nothing for a booking waiting for approval, and everything once approved', () => {
    expect(planReminders(event({ toStatus: 'PENDING' })).schedule).toEqual([]);
    const approved = planReminders(event({ type: 'APPROVED', payload: {} }));
    expect(approved.schedule).toHaveLength(6);
  });

  it('cancels every reminder when the appointment ends', () => {
    for (const type of ['CANCELLED', 'DECLINED', 'NO_SHOW'] as const) {
      const plan = planReminders(event({ type, toStatus: 'CANCELLED', payload: {} }));
      expect(plan.schedule).toEqual([]);
      expect(plan.cancel.map((j) => j.id)).toEqual(
        planReminders(event({})).schedule.map((j) => j.id),
      );
    }
  });

  it('moves the reminders on a reschedule and ignores delivery failures', () => {
    const later = new Date(START.getTime() + 24 * HOUR);
    const plan = planReminders(
      event({
        type: 'RESCHEDULED',
        payload: { previous_start_time: START.toISOString(), start_time: later.toISOString() },
        currentStart: later,
      }),
    );
    expect(plan.cancel.map((j) => j.data.startTime)).toEqual(Array(6).fill(START.toISOString()));
    expect(plan.schedule.map((j) => j.data.startTime)).toEqual(Array(6).fill(later.toISOString()));
    const failure = planReminders(event({ type: 'DELIVERY_FAILED', payload: { channel: 'chat' } }));
    expect(failure).toEqual({ schedule: [], cancel: [] });
  });
});
