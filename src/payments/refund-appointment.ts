// Pays back what an appointment owes: each REFUND_DUE refund asked of the processor, then recorded.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import type { PaymentGateway } from '../ports/payment-gateway.ts';
import { toStripeAmount } from './currency-units.ts';
import { type RefundSettlement, settleRefund } from './refund-settlement.ts';

type DueRefund = {
  readonly id: string;
  readonly amount: number;
  readonly currency: string;
  readonly payment_intent_id: string | null;
  readonly charge_id: string | null;
};

/** The processor stayed down for some refund; nothing was lost, the caller retries later. */
class RefundsUnavailableError extends Error {
  override name = 'RefundsUnavailableError';
}

/** The idempotency key of one refund: every retry of it, by any instance, asks Stripe once. */
function refundKey(refundId: string): string {
  return `slotline-refund-${refundId}`;
}

/**
 * Refunds every REFUND_DUE refund of the appointment: one gateway.refund each, outside any
 * transaction, with the key slotline-refund-<refundId>, so a retry or a second run never pays
 * twice; then one short transaction per refund records the answer (settleRefund): succeeded or
 * pending -> REFUNDED (a later refund.failed webhook can still turn it), failed, canceled or
 * REFUND_REFUSED -> REFUND_FAILED with the reason. A refund already settled meanwhile (by the
 * webhook) records nothing. Returns how many refunds were settled. Throws
 * RefundsUnavailableError when the processor stayed down for any of them (the others are kept)
 * or when refunds are due and `gateway` is null (payments turned off since they were paid),
 * PaymentFault for a fault retrying cannot mend, and the database's errors.
 */
export async function refundAppointment(
  db: Database,
  gateway: PaymentGateway | null,
  appointmentId: string,
  now: Date,
): Promise<number> {
  const { rows } = await db.execute<DueRefund>(sql`
    select r.id, r.amount, r.currency, p.payment_intent_id, p.charge_id
    from refunds r join payments p on p.id = r.payment_id
    where r.appointment_id = ${appointmentId}::uuid and r.state = 'REFUND_DUE'
    order by r.created_at, r.id`);
  if (rows.length > 0 && gateway === null) {
    throw new RefundsUnavailableError('refunds are due but payments are off');
  }
  let settled = 0;
  let unavailable = 0;
  for (const due of rows) {
    if (gateway === null) break;
    const answer = await askProcessor(gateway, due, appointmentId);
    if (answer === 'unavailable') {
      unavailable += 1;
      continue;
    }
    const done = await db.transaction((tx) => settleRefund(tx, answer, now));
    if (done) settled += 1;
  }
  if (unavailable > 0) {
    throw new RefundsUnavailableError(`${unavailable} refund(s) waiting for the processor`);
  }
  return settled;
}

/** The settlement the processor's answer calls for, or 'unavailable' to try again later. */
async function askProcessor(
  gateway: PaymentGateway,
  due: DueRefund,
  appointmentId: string,
): Promise<RefundSettlement | 'unavailable'> {
  const failed = (failure: string): RefundSettlement => ({
    refundId: due.id,
    to: 'REFUND_FAILED',
    from: ['REFUND_DUE'],
    processorRefundId: null,
    failure,
  });
  const target = targetOf(due);
  const amount = toStripeAmount(due.amount, due.currency);
  if (target === null) return failed('the payment has no processor reference to refund');
  if (!amount.ok) return failed(`amount not refundable: ${amount.code}`);
  const result = await gateway.refund({
    ...target,
    amount: amount.amount.unitAmount,
    idempotencyKey: refundKey(due.id),
    appointmentId,
  });
  if (!result.ok) {
    if (result.code === 'PAYMENT_UNAVAILABLE') return 'unavailable';
    return failed(`refused by the processor: ${result.reason}`);
  }
  const { status, refundId } = result.refund;
  if (status === 'failed' || status === 'canceled') {
    return { ...failed(`processor reported ${status}`), processorRefundId: refundId };
  }
  return {
    refundId: due.id,
    to: 'REFUNDED',
    from: ['REFUND_DUE'],
    processorRefundId: refundId,
    failure: null,
  };
}

/** A Checkout payment is refunded by its PaymentIntent, a Telegram one by its charge. */
function targetOf(
  due: DueRefund,
): { readonly paymentIntentId: string } | { readonly chargeId: string } | null {
  if (due.payment_intent_id !== null) return { paymentIntentId: due.payment_intent_id };
  return due.charge_id === null ? null : { chargeId: due.charge_id };
}
