// Settles a refund from the processor's refund.updated / refund.failed webhook.
import { sql } from 'drizzle-orm';
import { StoreError } from '../booking/store-errors.ts';
import type { Database, Tx } from '../db/database.ts';
import type { RefundState } from '../domain/payment.ts';
import type { RefundView } from '../ports/payment-gateway.ts';
import { settleRefund } from './refund-settlement.ts';

/** settled: the refund changed state (and an event was recorded). unchanged: nothing to do. */
export type RefundEventOutcome = { readonly kind: 'settled' | 'unchanged' | 'unknown' };

type Move = { readonly to: 'REFUNDED' | 'REFUND_FAILED'; readonly from: readonly RefundState[] };

/** What a processor status means for a stored refund; null: not settled yet, nothing to record. */
function moveFor(status: RefundView['status']): Move | null {
  switch (status) {
    case 'succeeded':
      return { to: 'REFUNDED', from: ['REFUND_DUE'] };
    // A refund can fail after it looked done (a closed card): REFUNDED becomes REFUND_FAILED.
    case 'failed':
    case 'canceled':
      return { to: 'REFUND_FAILED', from: ['REFUND_DUE', 'REFUNDED'] };
    case 'pending':
    case 'requires_action':
      return null;
  }
}

/**
 * Applies a verified refund event: the stored refund is found by processor_refund_id, or, when the
 * refund job has not recorded the processor's answer yet, by the refunded payment intent among
 * refunds still REFUND_DUE without one. succeeded: REFUND_DUE -> REFUNDED; failed or canceled:
 * REFUND_DUE or REFUNDED -> REFUND_FAILED; pending: nothing. Idempotent: a redelivered or older
 * event finds the refund already settled and changes nothing ('unchanged'); the REFUNDED or
 * REFUND_FAILED event is recorded only on an actual change. 'unknown': no refund of Slotline's
 * matches (made in the dashboard, say). No network call. Throws StoreError on database faults.
 */
export async function applyRefundEvent(
  db: Database,
  refund: RefundView,
  now: Date,
): Promise<RefundEventOutcome> {
  const move = moveFor(refund.status);
  try {
    return await db.transaction(async (tx) => {
      const refundId = await storedRefundId(tx, refund);
      if (refundId === null) return { kind: 'unknown' };
      if (move === null) return { kind: 'unchanged' };
      const changed = await settleRefund(
        tx,
        {
          refundId,
          ...move,
          processorRefundId: refund.refundId,
          failure: move.to === 'REFUND_FAILED' ? `processor reported ${refund.status}` : null,
        },
        now,
      );
      return { kind: changed ? 'settled' : 'unchanged' };
    });
  } catch (error) {
    throw new StoreError('applying a refund event failed', { cause: error });
  }
}

async function storedRefundId(tx: Tx, refund: RefundView): Promise<string | null> {
  const { rows } = await tx.execute<{ id: string }>(sql`
    select id from refunds where processor_refund_id = ${refund.refundId}
    union all
    select r.id from refunds r join payments p on p.id = r.payment_id
    where ${refund.paymentIntentId}::text is not null
      and p.payment_intent_id = ${refund.paymentIntentId}
      and r.state = 'REFUND_DUE' and r.processor_refund_id is null
    limit 1`);
  return rows[0]?.id ?? null;
}
