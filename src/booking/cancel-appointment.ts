// The client or the provider cancels; the refund policy decides what is owed.

import type { Database } from '../db/database.ts';
import type { PartyRole } from '../domain/appointment.ts';
import { ok } from '../domain/outcome.ts';
import { decideRefund } from '../domain/refund-policy.ts';
import {
  changeAppointmentStatus,
  invalidTransition,
  type StatusChangeResult,
} from './change-appointment-status.ts';

/**
 * PENDING or CONFIRMED -> CANCELLED, recording who, why and when, and the refund status from the
 * service's cancellation_hours (see decideRefund). Frees the slot at once. Refused
 * (INVALID_TRANSITION) once the start has passed: then it is completed or a no-show.
 */
export function cancelAppointment(
  db: Database,
  input: { appointmentId: string; by: PartyRole; actor: string; reason: string | null },
  now: Date,
): Promise<StatusChangeResult> {
  return changeAppointmentStatus(
    db,
    input.appointmentId,
    {
      action: 'cancel',
      allowedFrom: ['PENDING', 'CONFIRMED'],
      eventType: 'CANCELLED',
      actor: input.actor,
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
    },
    now,
  );
}
