// Writes a received payment as PAID exactly once, keyed by the processor's own reference.
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import type { PaymentMethod } from '../domain/payment.ts';

/** A payment the processor reports as taken, in Slotline's minor units. */
export type PaymentReceipt = {
  readonly appointmentId: string;
  readonly method: PaymentMethod;
  readonly amount: number;
  /** Upper-case ISO 4217, as the appointment stores it. */
  readonly currency: string;
  /** STRIPE_CHECKOUT: the session (cs_...), which names the payment; null for Telegram. */
  readonly checkoutSessionId: string | null;
  readonly paymentIntentId: string | null;
  /** The processor's charge (Telegram's provider_payment_charge_id): what refunds it. */
  readonly chargeId: string | null;
  /** TELEGRAM_INVOICE: telegram_payment_charge_id, which names the payment; null for Stripe. */
  readonly telegramChargeId: string | null;
  /** When the processor took the money; judged against the hold's end. */
  readonly paidAt: Date;
};

/** The stored payment's id; `fresh` is false when this receipt had been recorded before. */
export type StoredPayment = { readonly paymentId: string; readonly fresh: boolean };

/**
 * Marks the checkout's payment row PAID (an OPEN or EXPIRED one: a session can be paid after we
 * gave up on it), or inserts the row when none was kept (a crash between creating the session and
 * storing it; a Telegram invoice, which has no row before it is paid). A receipt whose reference
 * is already PAID is not fresh. Runs in the caller's transaction, which holds the appointment's
 * row lock, so two deliveries of one payment cannot both be fresh.
 */
export async function storePayment(
  tx: Tx,
  receipt: PaymentReceipt,
  now: Date,
): Promise<StoredPayment> {
  if (receipt.checkoutSessionId !== null) {
    const [marked] = await rows<{ id: string }>(
      tx,
      sql`update payments set state = 'PAID', paid_at = ${receipt.paidAt.toISOString()}::timestamptz,
            payment_intent_id = coalesce(${receipt.paymentIntentId}, payment_intent_id)
          where checkout_session_id = ${receipt.checkoutSessionId} and state <> 'PAID'
          returning id`,
    );
    if (marked) return { paymentId: marked.id, fresh: true };
  }
  const [inserted] = await rows<{ id: string }>(
    tx,
    sql`insert into payments (appointment_id, method, state, amount, currency,
          checkout_session_id, payment_intent_id, charge_id, telegram_charge_id, created_at, paid_at)
        values (${receipt.appointmentId}::uuid, ${receipt.method}, 'PAID', ${receipt.amount},
          ${receipt.currency}, ${receipt.checkoutSessionId}, ${receipt.paymentIntentId},
          ${receipt.chargeId}, ${receipt.telegramChargeId}, ${now.toISOString()}::timestamptz,
          ${receipt.paidAt.toISOString()}::timestamptz)
        on conflict do nothing
        returning id`,
  );
  if (inserted) return { paymentId: inserted.id, fresh: true };
  const [existing] = await rows<{ id: string }>(
    tx,
    sql`select id from payments
        where checkout_session_id = ${receipt.checkoutSessionId}
           or telegram_charge_id = ${receipt.telegramChargeId}
        limit 1`,
  );
  if (!existing) throw new Error('a payment conflicted with no stored payment');
  return { paymentId: existing.id, fresh: false };
}

async function rows<T extends Record<string, unknown>>(
  tx: Tx,
  query: ReturnType<typeof sql>,
): Promise<T[]> {
  return (await tx.execute<T>(query)).rows as T[];
}
