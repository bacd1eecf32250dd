// The client or the provider cancels; the refund policy decides what is owed.
import type { PartyRole } from '../domain/appointment.ts';
import { ok } from '../domain/outcome.ts';
import { decideRefund } from '../domain/refund-policy.ts';
import {
  invalidTransition,
  type StatusRequest,
  statusAction,
} from './change-appointment-status.ts';

/**
 * PENDING or CONFIRMED -> CANCELLED, recording who, why and when, and the refund status from the
 * service's cancellation_hours (see decideRefund). Frees the slot at once. Refused
 * (INVALID_TRANSITION) once the start has passed: then it is completed or a no-show.
 */
export const cancelAppointment = statusAction<
  StatusRequest & { by: PartyRole; reason: string | null }
>((input, now) => ({
  action: 'cancel',
  allowedFrom: ['PENDING', 'CONFIRMED'],
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
          refundStatus: decideRefund({
            by: input.by,
            price: current.price,
            startTime: current.startTime,
            cancellationHours: service.cancellationHours,
            now,
          }),
        }),
}));
