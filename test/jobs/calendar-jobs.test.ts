// Calendar jobs: which calendars the sweep pulls, bursts of notifications coalescing, and which events push.
import { describe, expect, it } from 'vitest';
import { calendarSyncs } from '../../src/db/schema/infrastructure.ts';
import type { AppointmentStatus } from '../../src/domain/appointment.ts';
import type { AppointmentEventType } from '../../src/domain/appointment-event-types.ts';
import { requestCalendarSync, sweepCalendars } from '../../src/jobs/calendar-jobs.ts';
import { planCalendarPush } from '../../src/jobs/calendar-push-plan.ts';
import { createQueues, DEFAULT_RETRY, QUEUES } from '../../src/jobs/queues.ts';
import type { RelayedEvent } from '../../src/jobs/relayed-event.ts';
import { createFixture } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { inspector } from './job-inspection.ts';

const db = await createTestDatabase();
const boss = await inspector(db);
await createQueues(boss, DEFAULT_RETRY);
const NOW = new Date('2026-12-01T10:00:00Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000);

async function connection(
  kind: 'GOOGLE' | 'OUTLOOK' | 'APPLE',
  lastSyncedAt: Date | null,
  status = 'ACTIVE',
): Promise<string> {
  const { providerId } = await createFixture(db.db);
  const [row] = await db.db
    .insert(calendarSyncs)
    .values({ providerId, calendarType: kind, lastSyncedAt, status })
    .returning({ id: calendarSyncs.id });
  return row?.id ?? '';
}

const syncJobs = (connectionId: string) =>
  boss.findJobs<unknown>(QUEUES.calendarSync, { data: { connectionId } });

describe('sweepCalendars', () => {
  it('pulls Apple every sweep, the others once their last sync is 15 minutes old, never a broken one', async () => {
    const apple = await connection('APPLE', minutesAgo(1));
    const staleGoogle = await connection('GOOGLE', minutesAgo(20));
    const neverSynced = await connection('OUTLOOK', null);
    const freshOutlook = await connection('OUTLOOK', minutesAgo(3));
    const broken = await connection('GOOGLE', minutesAgo(60), 'BROKEN');
    expect(await sweepCalendars(boss, { db: db.db, clock: () => NOW })).toBe(3);
    for (const id of [apple, staleGoogle, neverSynced]) expect(await syncJobs(id)).toHaveLength(1);
    for (const id of [freshOutlook, broken]) expect(await syncJobs(id)).toHaveLength(0);
  });
});

describe('requestCalendarSync', () => {
  it('folds requests within two seconds into one job that starts when the window closes', async () => {
    const id = await connection('GOOGLE', NOW);
    const t = new Date('2026-12-01T10:00:00.200Z');
    await requestCalendarSync(boss, id, t);
    await requestCalendarSync(boss, id, new Date('2026-12-01T10:00:01.900Z'));
    await requestCalendarSync(boss, id, new Date('2026-12-01T10:00:02.100Z'));
    const jobs = await syncJobs(id);
    expect(jobs).toHaveLength(2);
    expect(jobs.map((j) => j.startAfter.toISOString()).sort()).toEqual([
      '2026-12-01T10:00:02.000Z',
      '2026-12-01T10:00:04.000Z',
    ]);
  });
});

describe('planCalendarPush', () => {
  const event = (
    type: AppointmentEventType,
    toStatus: AppointmentStatus = 'CONFIRMED',
  ): RelayedEvent => ({
    id: 9,
    appointmentId: '7b0c2a8e-3f5d-4c1e-9a6b-2d4f8e1c3a5b',
    providerId: '22222222-2222-4222-8222-222222222222',
    type,
    actor: 'admin',
    toStatus,
    payload: {},
    createdAt: NOW,
    currentStart: NOW,
  });

  it.each<[AppointmentEventType, AppointmentStatus, boolean]>([
    ['BOOKED', 'CONFIRMED', true],
    ['BOOKED', 'PENDING', false],
    ['APPROVED', 'CONFIRMED', true],
    ['RESCHEDULED', 'CONFIRMED', true],
    ['CANCELLED', 'CANCELLED', true],
    ['DECLINED', 'CANCELLED', false],
    ['COMPLETED', 'COMPLETED', false],
    ['NO_SHOW', 'NO_SHOW', false],
    ['DELIVERY_FAILED', 'CONFIRMED', false],
  ])('%s to %s pushes: %s', (type, toStatus, pushes) => {
    const job = planCalendarPush(event(type, toStatus));
    expect(job !== null).toBe(pushes);
    if (job) expect(job.data).toEqual({ appointmentId: event(type).appointmentId });
  });
});
