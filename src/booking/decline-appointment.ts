// The provider turns down a PENDING request, optionally saying why.
import { ok } from '../domain/outcome.ts';
import { decideRefund } from '../domain/refund-policy.ts';
import { oweRefund } from '../payments/owe-refund.ts';
import { type StatusRequest, statusAction } from './change-appointment-status.ts';

/**
 * PENDING -> CANCELLED by the provider; frees the slot; a priced booking becomes REFUND_DUE, and
 * whatever the client paid for it is owed back in full in the same transaction (reason DECLINED;
 * the refund job asks the processor once the change is committed).
 */
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
    after: async (tx, updated) => {
      if (updated.refundStatus !== 'REFUND_DUE') return;
      await oweRefund(tx, { appointmentId: updated.id, reason: 'DECLINED' }, now);
    },
  }),
);
