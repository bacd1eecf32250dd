// Which appointment events change the provider's calendar, as jobs with deterministic ids.
import type { ChangeJob } from './change-job.ts';
import { deterministicJobId } from './job-ids.ts';
import type { CalendarPushPayload } from './job-payloads.ts';
import { QUEUES } from './queues.ts';
import type { RelayedEvent } from './relayed-event.ts';

/**
 * A calendar push for events that put an appointment on the calendar, move it or take it off
 * (a confirmed booking, an approval, a move, a cancel); null for the rest. The job reconciles
 * with the appointment as it is when it runs, so order and repeats cannot leave it wrong.
 */
export function planCalendarPush(event: RelayedEvent): ChangeJob<CalendarPushPayload> | null {
  if (!changesCalendar(event)) return null;
  return {
    queue: QUEUES.calendarPush,
    id: deterministicJobId(['calendar-push', String(event.id)]),
    data: { appointmentId: event.appointmentId },
  };
}

/** Every type is named, so a new one fails to compile here until it says whether it pushes. */
function changesCalendar(event: RelayedEvent): boolean {
  const type = event.type;
  switch (type) {
    // An unpaid hold is not on the calendar: it goes there once paid and confirmed.
    case 'BOOKED':
    case 'PAID':
      return event.toStatus === 'CONFIRMED';
    case 'APPROVED':
    case 'RESCHEDULED':
    case 'CANCELLED':
      return true;
    // DECLINED and NO_SHOW leave a PENDING or past event; COMPLETED keeps the event as it was.
    case 'DECLINED':
    case 'NO_SHOW':
    case 'COMPLETED':
    case 'DELIVERY_FAILED':
    case 'HOLD_EXPIRED':
    case 'LATE_PAYMENT':
    case 'REFUNDED':
    case 'REFUND_FAILED':
      return false;
    default: {
      const _never: never = type;
      return _never;
    }
  }
}
