// The provider turns down a PENDING request, optionally saying why.

import type { Database } from '../db/database.ts';
import { ok } from '../domain/outcome.ts';
import { decideRefund } from '../domain/refund-policy.ts';
import { changeAppointmentStatus, type StatusChangeResult } from './change-appointment-status.ts';

/** PENDING -> CANCELLED by the provider; frees the slot; a paid booking becomes REFUND_DUE. */
export function declineAppointment(
  db: Database,
  input: { appointmentId: string; actor: string; reason: string | null },
  now: Date,
): Promise<StatusChangeResult> {
  return changeAppointmentStatus(
    db,
    input.appointmentId,
    {
      action: 'decline',
      allowedFrom: ['PENDING'],
      eventType: 'DECLINED',
      actor: input.actor,
      payload: { reason: input.reason },
      plan: (current, service) =>
        ok({
          status: 'CANCELLED',
          cancelledAt: now,
          cancelledBy: 'PROVIDER',
          cancellationReason: input.reason,
          refundStatus: decideRefund({
            by: 'PROVIDER',
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
