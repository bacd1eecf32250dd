// The client or the provider cancels; the refund policy decides what is owed.
import type { Appointment, PartyRole } from '../domain/appointment.ts';
import type { Service } from '../domain/catalog.ts';
import { ok } from '../domain/outcome.ts';
import { decideRefund } from '../domain/refund-policy.ts';
import { oweRefund } from '../payments/owe-refund.ts';
import {
  invalidTransition,
  type StatusRequest,
  statusAction,
} from './change-appointment-status.ts';

type CancelRequest = StatusRequest & { by: PartyRole; reason: string | null };

/**
 * PENDING or CONFIRMED -> CANCELLED, recording who, why and when, and the refund status from the
 * service's cancellation_hours (see decideRefund). Frees the slot at once. When the policy says
 * REFUND_DUE, every PAID payment of the appointment is owed back in full in the same transaction
 * (CLIENT_CANCELLED or PROVIDER_CANCELLED); the refund job asks the processor after the commit.
 * NO_REFUND keeps the payment. An unpaid hold (AWAITING_PAYMENT) may be cancelled too: nothing
 * was paid (refund NONE), the hold ends, and a job closes its open checkout afterwards. Refused
 * (INVALID_TRANSITION) once the start has passed: then it is completed or a no-show.
 */
export const cancelAppointment = statusAction<CancelRequest>((input, now) => ({
  action: 'cancel',
  allowedFrom: ['AWAITING_PAYMENT', 'PENDING', 'CONFIRMED'],
  eventType: 'CANCELLED',
  payload: { by: input.by, reason: input.reason },
  plan: (current, service) =>
    current.startTime <= now
      ? invalidTransition(
          'cancel',
          current.status,
          'the appointment has already started: mark it completed or no-show',
        )
      : ok({
          status: 'CANCELLED',
          cancelledAt: now,
          cancelledBy: input.by,
          cancellationReason: input.reason,
          holdExpiresAt: null,
          refundStatus: refundAfterCancel(current, service, input.by, now),
        }),
  after: async (tx, updated) => {
    if (updated.refundStatus !== 'REFUND_DUE') return;
    const reason = input.by === 'CLIENT' ? 'CLIENT_CANCELLED' : 'PROVIDER_CANCELLED';
    await oweRefund(tx, { appointmentId: updated.id, reason }, now);
  },
}));

/** An unpaid hold owes nothing back; anything else follows the cancellation policy. */
function refundAfterCancel(current: Appointment, service: Service, by: PartyRole, now: Date) {
  if (current.status === 'AWAITING_PAYMENT') return 'NONE' as const;
  return decideRefund({
    by,
    price: current.price,
    startTime: current.startTime,
    cancellationHours: service.cancellationHours,
    now,
  });
}
