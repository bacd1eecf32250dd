// Ends an unpaid hold: closes its checkout pages at the processor, then frees the slot.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import type { AppointmentStatus } from '../domain/appointment.ts';
import type { Logger } from '../ports/logger.ts';
import type { PaymentGateway } from '../ports/payment-gateway.ts';
import { endLapsedHold } from './end-lapsed-hold.ts';
import { recordPayment } from './record-payment.ts';

export type HoldReleaseDeps = {
  readonly db: Database;
  /** Null when payments are off: the slot is freed without asking anyone. */
  readonly gateway: PaymentGateway | null;
  /** Never given personal data: ids and codes only. */
  readonly logger: Logger;
};

/**
 * released: the hold was cancelled (HOLD_EXPIRED). paid: a checkout turned out paid, handed to
 * recordPayment. closed: a cancelled hold's checkouts were closed. not-due: the hold still runs.
 * nothing: paid or over already, or no such appointment.
 */
export type HoldRelease = 'released' | 'paid' | 'closed' | 'not-due' | 'nothing';

type OpenCheckout = {
  readonly session: string;
  readonly amount: number;
  readonly currency: string;
};

type HoldState = {
  readonly status: AppointmentStatus;
  readonly holdExpiresAt: Date | null;
  readonly startTime: Date;
  readonly open: readonly OpenCheckout[];
};

/**
 * For an AWAITING_PAYMENT hold whose end (hold_expires_at) is at or before `now`, or a hold the
 * client cancelled: expires each OPEN Stripe checkout (outside any transaction). A session the
 * processor reports complete and paid goes to recordPayment with the time the client paid (the
 * PaymentIntent's), as the webhook would: paid by the end, the hold is confirmed instead of
 * released; later, the money is owed back and the hold released there.
 * Otherwise one short transaction, under the row lock, cancels a still-lapsed hold (cancelled_by
 * CLIENT, 'payment not received in time', hold_expires_at cleared, event HOLD_EXPIRED by
 * system:payments) and marks the OPEN payments EXPIRED. When the processor is unavailable the
 * slot is freed anyway: a payment arriving later is refunded by recordPayment. Safe to run twice
 * or alongside a payment: the second finds nothing to do. Throws on database faults.
 */
export async function releaseHold(
  deps: HoldReleaseDeps,
  appointmentId: string,
  now: Date,
): Promise<HoldRelease> {
  const hold = await readHold(deps.db, appointmentId);
  if (hold === null) return 'nothing';
  const waiting = hold.status === 'AWAITING_PAYMENT';
  if (waiting && (hold.holdExpiresAt === null || hold.holdExpiresAt > now)) return 'not-due';
  if (!waiting && (hold.status !== 'CANCELLED' || hold.open.length === 0)) return 'nothing';
  for (const checkout of hold.open) {
    const paid = await closeCheckout(deps, appointmentId, checkout, now);
    // A payment made before the end confirms; a later one was owed back and freed the slot.
    if (paid === 'confirmed') return 'paid';
    if (paid === 'refunding') return waiting ? 'released' : 'closed';
  }
  const released = await deps.db.transaction((tx) =>
    endLapsedHold(tx, appointmentId, hold.startTime, now),
  );
  return released ? 'released' : 'closed';
}

/**
 * Expires one checkout. When the client had paid it, recordPayment judges the payment by when it
 * was made (the PaymentIntent's time; unknown counts as now, which is past the hold's end), the
 * same rule the webhook follows: 'confirmed' or 'refunding'. Null: it was not paid.
 */
async function closeCheckout(
  deps: HoldReleaseDeps,
  appointmentId: string,
  checkout: OpenCheckout,
  now: Date,
): Promise<'confirmed' | 'refunding' | null> {
  if (deps.gateway === null) return null;
  const closed = await deps.gateway.expireCheckout(checkout.session);
  if (!closed.ok) {
    // NOT_FOUND: nothing can be paid there. Unavailable: free the slot all the same.
    if (closed.code === 'PAYMENT_UNAVAILABLE') {
      deps.logger.warn({ appointmentId, code: closed.code }, 'checkout not closed; hold released');
    }
    return null;
  }
  const view = closed.checkout;
  if (view.status !== 'complete' || !view.paid) return null;
  const outcome = await recordPayment(
    deps.db,
    {
      appointmentId,
      method: 'STRIPE_CHECKOUT',
      amount: checkout.amount,
      currency: checkout.currency,
      checkoutSessionId: checkout.session,
      paymentIntentId: view.paymentIntentId,
      chargeId: null,
      telegramChargeId: null,
      paidAt: view.paidAt ?? now,
    },
    now,
  );
  if (!outcome.ok || outcome.value.kind === 'duplicate') return null;
  return outcome.value.kind;
}

async function readHold(db: Database, appointmentId: string): Promise<HoldState | null> {
  const { rows } = await db.execute<{
    status: AppointmentStatus;
    hold_expires_at: string | null;
    start_time: string;
    open: OpenCheckout[];
  }>(sql`
    select a.status, a.hold_expires_at, a.start_time,
      coalesce((select json_agg(json_build_object('session', p.checkout_session_id,
          'amount', p.amount, 'currency', p.currency) order by p.created_at)
        from payments p where p.appointment_id = a.id and p.state = 'OPEN'
          and p.method = 'STRIPE_CHECKOUT' and p.checkout_session_id is not null), '[]') as open
    from appointments a where a.id = ${appointmentId}::uuid`);
  const row = rows[0];
  if (row === undefined) return null;
  return {
    status: row.status,
    holdExpiresAt: row.hold_expires_at === null ? null : new Date(row.hold_expires_at),
    startTime: new Date(row.start_time),
    open: row.open,
  };
}
