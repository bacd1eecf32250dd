// A verified Stripe event acted on once: a paid checkout recorded, an expired one marked, a refund settled.
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { paymentWebhookEvents } from '../db/schema/payments.ts';
import type { CheckoutView, PaymentEvent } from '../ports/payment-gateway.ts';
import { applyRefundEvent } from './apply-refund-event.ts';
import { recordPayment } from './record-payment.ts';
import { fromTelegramAmount } from './telegram-amounts.ts';

/** changed: something was recorded (tell the relay). seen: a redelivery. ignored: not ours. */
export type PaymentEventOutcome = 'changed' | 'unchanged' | 'seen' | 'ignored';

const PAID_TYPES = new Set([
  'checkout.session.completed',
  'checkout.session.async_payment_succeeded',
]);

/**
 * Acts on one verified event, then remembers its id. An id seen before is answered 'seen' with
 * no work; every action is idempotent on its own as well (a crash between acting and
 * remembering repeats nothing), and order does not matter: a completed checkout goes through
 * recordPayment, which confirms a hold paid by its end (the event's time) and owes back anything
 * else; an expired checkout only marks its OPEN payment EXPIRED (the hold job owns the hold); a
 * refund event settles the refund (applyRefundEvent). No network call. Throws on database faults,
 * so the processor delivers again.
 */
export async function handlePaymentEvent(
  db: Database,
  event: PaymentEvent,
  now: Date,
): Promise<PaymentEventOutcome> {
  const seen = await db
    .select({ id: paymentWebhookEvents.eventId })
    .from(paymentWebhookEvents)
    .where(eq(paymentWebhookEvents.eventId, event.id));
  if (seen.length > 0) return 'seen';
  const outcome = await act(db, event, now);
  await db
    .insert(paymentWebhookEvents)
    .values({ eventId: event.id, type: event.type, receivedAt: now })
    .onConflictDoNothing();
  return outcome;
}

async function act(db: Database, event: PaymentEvent, now: Date): Promise<PaymentEventOutcome> {
  const data = event.data;
  if (data.kind === 'refund') {
    const settled = await applyRefundEvent(db, data.refund, now);
    return settled.kind === 'settled' ? 'changed' : 'unchanged';
  }
  if (data.kind !== 'checkout' || data.checkout.appointmentId === null) return 'ignored';
  if (event.type === 'checkout.session.expired') return markExpired(db, data.checkout);
  if (!PAID_TYPES.has(event.type) || !data.checkout.paid) return 'ignored';
  return recordCheckout(db, data.checkout, event.createdAt, now);
}

async function recordCheckout(
  db: Database,
  checkout: CheckoutView,
  paidAt: Date,
  now: Date,
): Promise<PaymentEventOutcome> {
  const currency = (checkout.currency ?? '').toUpperCase();
  const total = checkout.amountTotal ?? 0;
  const outcome = await recordPayment(
    db,
    {
      appointmentId: checkout.appointmentId ?? '',
      method: 'STRIPE_CHECKOUT',
      // Stripe's units back to ours; a total with no exact stored amount stays as sent and so
      // never matches what is owed (it is refunded as AMOUNT_MISMATCH).
      amount: fromTelegramAmount(total, currency) ?? Math.max(total, 1),
      currency,
      checkoutSessionId: checkout.sessionId,
      paymentIntentId: checkout.paymentIntentId,
      chargeId: null,
      telegramChargeId: null,
      paidAt,
    },
    now,
  );
  if (!outcome.ok) return 'ignored';
  return outcome.value.kind === 'duplicate' ? 'unchanged' : 'changed';
}

async function markExpired(db: Database, checkout: CheckoutView): Promise<PaymentEventOutcome> {
  const { rows } = await db.execute(sql`
    update payments set state = 'EXPIRED'
    where checkout_session_id = ${checkout.sessionId} and state = 'OPEN'
    returning id`);
  return rows.length > 0 ? 'changed' : 'unchanged';
}
