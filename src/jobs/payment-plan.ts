// Which money work an appointment event starts: a refund, a hold's release, closing a checkout.
import type { ChangeJob } from './change-job.ts';
import { deterministicJobId } from './job-ids.ts';
import type { PaymentJobPayload } from './job-payloads.ts';
import { QUEUES } from './queues.ts';
import type { RelayedEvent } from './relayed-event.ts';

type PaymentJob = ChangeJob<PaymentJobPayload> & { readonly startAfter?: Date };

/**
 * The payment jobs for `event`, each with an id from the event id (relaying it again adds none):
 * - CANCELLED, DECLINED, LATE_PAYMENT: a refund job, which pays back whatever is REFUND_DUE (none
 *   for a free or unpaid appointment: the job then does nothing);
 * - BOOKED as AWAITING_PAYMENT: a hold release starting at payload.hold_expires_at;
 * - CANCELLED from AWAITING_PAYMENT (the client gave up the hold): a job closing its checkout.
 */
export function planPaymentJobs(event: RelayedEvent): PaymentJob[] {
  const data = { appointmentId: event.appointmentId };
  const job = (queue: string, name: string, startAfter?: Date): PaymentJob => ({
    queue,
    id: deterministicJobId([name, String(event.id)]),
    data,
    ...(startAfter ? { startAfter } : {}),
  });
  switch (event.type) {
    case 'CANCELLED':
      return event.fromStatus === 'AWAITING_PAYMENT'
        ? [job(QUEUES.refunds, 'refund'), job(QUEUES.holds, 'hold-close')]
        : [job(QUEUES.refunds, 'refund')];
    case 'DECLINED':
    case 'LATE_PAYMENT':
      return [job(QUEUES.refunds, 'refund')];
    case 'BOOKED': {
      if (event.toStatus !== 'AWAITING_PAYMENT') return [];
      const end = holdEndOf(event);
      return [job(QUEUES.holds, 'hold-release', end ?? undefined)];
    }
    default:
      return [];
  }
}

/** The hold's end from the BOOKED payload; null when missing (the job then runs at once). */
function holdEndOf(event: RelayedEvent): Date | null {
  const value = event.payload.hold_expires_at;
  if (typeof value !== 'string') return null;
  const end = new Date(value);
  return Number.isNaN(end.getTime()) ? null : end;
}
