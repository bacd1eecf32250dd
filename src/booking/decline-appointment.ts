// The provider turns down a PENDING request, optionally saying why.
import { ok } from '../domain/outcome.ts';
import { decideRefund } from '../domain/refund-policy.ts';
import { type StatusRequest, statusAction } from './change-appointment-status.ts';

/** PENDING -> CANCELLED by the provider; frees the slot; a paid booking becomes REFUND_DUE. */
export const declineAppointment = statusAction<StatusRequest & { reason: string | null }>(
  (input, now) => ({
    action: 'decline',
    allowedFrom: ['PENDING'],
    eventType: 'DECLINED',
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
  }),
);
