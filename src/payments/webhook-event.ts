// A verified Stripe event narrowed to what the booking core acts on.
import type Stripe from 'stripe';
import type { PaymentEvent, PaymentEventData } from '../ports/payment-gateway.ts';
import { checkoutView, idOf, refundView } from './stripe-views.ts';

/**
 * The PaymentEvent for `event`: Checkout Session events carry the session's view, refund events
 * the refund's, charge.refunded its payment intent, payment_intent.* the intent's status; any
 * other type is kind 'other' so the caller can acknowledge and ignore it.
 */
export function paymentEvent(event: Stripe.Event): PaymentEvent {
  return {
    id: event.id,
    type: event.type,
    createdAt: new Date(event.created * 1000),
    data: eventData(event),
  };
}

function eventData(event: Stripe.Event): PaymentEventData {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.expired':
    case 'checkout.session.async_payment_succeeded':
    case 'checkout.session.async_payment_failed':
      return { kind: 'checkout', checkout: checkoutView(event.data.object) };
    case 'refund.created':
    case 'refund.updated':
    case 'refund.failed':
      return { kind: 'refund', refund: refundView(event.data.object) };
    case 'payment_intent.succeeded':
    case 'payment_intent.payment_failed':
    case 'payment_intent.canceled':
      return {
        kind: 'payment_intent',
        paymentIntentId: event.data.object.id,
        status: event.data.object.status,
        appointmentId: event.data.object.metadata?.appointment_id ?? null,
      };
    case 'charge.refunded': {
      const paymentIntentId = idOf(event.data.object.payment_intent);
      if (paymentIntentId === null) return { kind: 'other' };
      return {
        kind: 'payment_intent',
        paymentIntentId,
        status: 'refunded',
        appointmentId: event.data.object.metadata?.appointment_id ?? null,
      };
    }
    default:
      return { kind: 'other' };
  }
}
