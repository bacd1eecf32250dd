// Calendar work on pg-boss: pushes from the outbox, syncs on notification, a sweep every five minutes.
import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { CalendarDeps } from '../calendars/calendar-deps.ts';
import { pushAppointment, pushAppointmentWithMeet } from '../calendars/push-appointment.ts';
import { syncCalendar } from '../calendars/sync-calendar.ts';
import { calendarSyncs } from '../db/schema/infrastructure.ts';
import { POLLED_CALENDAR_KINDS } from '../domain/calendar-kinds.ts';
import type { MeetingSource } from '../meetings/choose-meeting-source.ts';
import { deterministicJobId } from './job-ids.ts';
import { calendarPushPayload, calendarSyncPayload } from './job-payloads.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { QUEUES } from './queues.ts';
import { settleEach } from './settle-jobs.ts';
import { workOptions } from './work-options.ts';

/** Notifications this close together share one sync, which runs when the window closes. */
const COALESCE_MS = 2_000;
/** Calendars that push are still pulled this often, for notifications that got lost. */
const PUSHED_EVERY_MS = 15 * 60_000;

/**
 * Queues a sync of `connectionId`. Requests within the same two-second window share one job
 * (a deterministic id) that starts when the window closes, so a burst of notifications costs one
 * pull and every change announced in the window happened before that pull. Grouped by connection:
 * its syncs run one at a time, and other connections' syncs do not wait for them.
 */
export async function requestCalendarSync(boss: PgBoss, connectionId: string, now: Date) {
  const window = Math.floor(now.getTime() / COALESCE_MS);
  await boss.send(
    QUEUES.calendarSync,
    { connectionId },
    {
      id: deterministicJobId(['calendar-sync', connectionId, String(window)]),
      startAfter: new Date((window + 1) * COALESCE_MS),
      group: { id: connectionId },
    },
  );
}

/** Queues a push of one appointment to a newly connected calendar; once per connection. */
export async function requestCalendarPush(
  boss: PgBoss,
  connectionId: string,
  appointmentId: string,
) {
  await boss.send(
    QUEUES.calendarPush,
    { appointmentId },
    { id: deterministicJobId(['calendar-push-connect', connectionId, appointmentId]) },
  );
}

/**
 * Registers the push and sync workers and the five-minute sweep (UTC cron; one schedule for all
 * instances): Apple calendars, which cannot push, are pulled every sweep, the others when their
 * last sync is over 15 minutes old. Pushes ask Google for a Meet link when the meeting source
 * takes links from the calendar.
 */
export async function workCalendars(
  boss: PgBoss,
  deps: JobsDeps,
  calendars: CalendarDeps,
  pollingIntervalSeconds: number,
): Promise<void> {
  const options = (queue: string) => workOptions(queue, pollingIntervalSeconds);
  const push = calendarPushFor(deps.meetings ?? { kind: 'none' });
  await boss.work<unknown>(QUEUES.calendarPush, options(QUEUES.calendarPush), (jobs) =>
    settleEach(deps, jobs, calendarPushPayload, async (_, __, payload) => {
      await push(calendars, payload.appointmentId);
    }),
  );
  await boss.work<unknown>(QUEUES.calendarSync, options(QUEUES.calendarSync), (jobs) =>
    settleEach(deps, jobs, calendarSyncPayload, async (_, __, payload) => {
      await syncCalendar(calendars, payload.connectionId);
    }),
  );
  await boss.schedule(QUEUES.calendarSweep, '*/5 * * * *', null, { tz: 'UTC' });
  await boss.work(QUEUES.calendarSweep, () => sweepCalendars(boss, deps));
}

/** The push that makes Meet links exactly when the source takes links from the calendar. */
function calendarPushFor(source: MeetingSource): typeof pushAppointment {
  switch (source.kind) {
    case 'calendar':
    case 'calendar-or-provider':
      return pushAppointmentWithMeet;
    case 'provider':
    case 'none':
      return pushAppointment;
    default: {
      const _never: never = source;
      return _never;
    }
  }
}

/**
 * Queues a sync of every calendar that is due one; returns how many.
 * @internal Exported for tests too.
 */
export async function sweepCalendars(boss: PgBoss, deps: Pick<JobsDeps, 'db' | 'clock'>) {
  const now = deps.clock();
  const due = await deps.db
    .select({ id: calendarSyncs.id })
    .from(calendarSyncs)
    .where(
      and(
        eq(calendarSyncs.status, 'ACTIVE'),
        or(
          inArray(calendarSyncs.calendarType, POLLED_CALENDAR_KINDS),
          isNull(calendarSyncs.lastSyncedAt),
          lt(calendarSyncs.lastSyncedAt, new Date(now.getTime() - PUSHED_EVERY_MS)),
        ),
      ),
    );
  for (const { id } of due) await requestCalendarSync(boss, id, now);
  return due.length;
}
