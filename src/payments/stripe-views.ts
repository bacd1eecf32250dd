// Stripe objects narrowed to the views the payment port promises, ids instead of expanded objects.
import type Stripe from 'stripe';
import type {
  CheckoutStatus,
  CheckoutView,
  RefundStatus,
  RefundView,
} from '../ports/payment-gateway.ts';

const CHECKOUT_STATUSES: readonly string[] = ['open', 'complete', 'expired'];
const REFUND_STATUSES: readonly string[] = [
  'pending',
  'requires_action',
  'succeeded',
  'failed',
  'canceled',
];

/** The id of an expandable field, whether Stripe sent the id or the object. */
export function idOf(value: string | { readonly id: string } | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : value.id;
}

/**
 * A Checkout Session as a CheckoutView. A status Stripe adds later reads as 'open' (not paid,
 * not over), the safe side for a booking waiting on it.
 */
export function checkoutView(session: Stripe.Checkout.Session): CheckoutView {
  const status = CHECKOUT_STATUSES.includes(session.status ?? '')
    ? (session.status as CheckoutStatus)
    : 'open';
  return {
    sessionId: session.id,
    appointmentId: session.client_reference_id ?? session.metadata?.appointment_id ?? null,
    status,
    paid: session.payment_status === 'paid',
    paymentIntentId: idOf(session.payment_intent),
    paidAt: paidAtOf(session),
    amountTotal: session.amount_total,
    currency: session.currency,
  };
}

/** The expanded PaymentIntent's creation time for a paid session; null otherwise. */
function paidAtOf(session: Stripe.Checkout.Session): Date | null {
  const intent = session.payment_intent;
  if (session.payment_status !== 'paid' || intent === null || typeof intent === 'string') {
    return null;
  }
  return new Date(intent.created * 1000);
}

/** A Refund as a RefundView; a status Stripe adds later reads as 'pending' (not yet settled). */
export function refundView(refund: Stripe.Refund): RefundView {
  const status = REFUND_STATUSES.includes(refund.status ?? '')
    ? (refund.status as RefundStatus)
    : 'pending';
  return {
    refundId: refund.id,
    status,
    amount: refund.amount,
    paymentIntentId: idOf(refund.payment_intent),
    appointmentId: refund.metadata?.appointment_id ?? null,
  };
}
