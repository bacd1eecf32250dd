// Which appointment events change the provider's calendar, as jobs with deterministic ids.
import type { ChangeJob } from './change-job.ts';
import { deterministicJobId } from './job-ids.ts';
import type { CalendarPushPayload } from './job-payloads.ts';
import { QUEUES } from './queues.ts';
import type { RelayedEvent } from './reminder-plan.ts';

const PUSHED = new Set(['APPROVED', 'RESCHEDULED', 'CANCELLED']);

/**
 * A calendar push for events that put an appointment on the calendar, move it or take it off
 * (a confirmed booking, an approval, a move, a cancel); null for the rest. The job reconciles
 * with the appointment as it is when it runs, so order and repeats cannot leave it wrong.
 */
export function planCalendarPush(event: RelayedEvent): ChangeJob<CalendarPushPayload> | null {
  const confirmedBooking = event.type === 'BOOKED' && event.toStatus === 'CONFIRMED';
  if (!confirmedBooking && !PUSHED.has(event.type)) return null;
  return {
    queue: QUEUES.calendarPush,
    id: deterministicJobId(['calendar-push', String(event.id)]),
    data: { appointmentId: event.appointmentId },
  };
}
