// The fake's PaymentIntent, Refund and Event endpoints.
import { metadataParam, type RouteContext, refuseUnknown } from './stripe-checkout-routes.ts';
import { type FormFields, textField } from './stripe-form.ts';
import { listPage, type StripeList } from './stripe-list.ts';
import {
  addRefund,
  type FakeEvent,
  type FakePaymentIntent,
  type FakeRefund,
} from './stripe-state.ts';
import { integerParam, invalidRequest, missingParam, noSuch } from './stripe-wire.ts';

export type MoneyContext = RouteContext & {
  /** New refunds stay 'pending' until settled by the test, instead of succeeding at once. */
  readonly refundsPending: () => boolean;
  readonly maxPageSize: () => number;
};

const REFUND_PARAMS = new Set([
  'payment_intent',
  'charge',
  'amount',
  'metadata',
  'reason',
  'expand',
]);
const REASONS = ['duplicate', 'fraudulent', 'requested_by_customer'];

/** GET /v1/payment_intents/:id */
export function retrieveIntent(ctx: MoneyContext, id: string): FakePaymentIntent {
  const intent = ctx.state.paymentIntents.get(id);
  if (intent === undefined) throw noSuch('payment_intent', id, 'intent');
  return intent;
}

/**
 * POST /v1/refunds for a payment intent or a charge: the whole unrefunded rest unless `amount` says less.
 * Refuses a fully refunded charge (charge_already_refunded) and more than is left
 * (amount_too_large), as Stripe does.
 */
export function createRefund(ctx: MoneyContext, fields: FormFields): FakeRefund {
  refuseUnknown(fields, REFUND_PARAMS);
  const intent = refundedIntent(ctx, fields);
  const reason = textField(fields, 'reason');
  if (reason !== undefined && !REASONS.includes(reason)) {
    throw invalidRequest(`Invalid reason: ${reason}`, undefined, 'reason');
  }
  const charge = ctx.state.charges.get(intent.latest_charge);
  const left = charge === undefined ? 0 : charge.amount - charge.amount_refunded;
  if (left <= 0) {
    throw invalidRequest(
      `Charge ${intent.latest_charge} has already been refunded.`,
      'charge_already_refunded',
    );
  }
  const amount = integerParam(textField(fields, 'amount'), 'amount') ?? left;
  if (amount < 1) throw invalidRequest('Invalid positive integer', undefined, 'amount');
  if (amount > left) {
    throw invalidRequest(
      `Refund amount (${amount}) is greater than unrefunded amount on charge (${left})`,
      'amount_too_large',
      'amount',
    );
  }
  const metadata = metadataParam(fields, 'metadata');
  const at = { created: ctx.nowSeconds(), apiVersion: ctx.apiVersion };
  return addRefund(ctx.state, { intent, amount, metadata, pending: ctx.refundsPending() }, at);
}

/**
 * The intent a refund is for: named by payment_intent, or by its charge (how a Telegram payment,
 * which only knows the charge, is refunded). Exactly one of the two, as Stripe requires.
 */
function refundedIntent(ctx: MoneyContext, fields: FormFields): FakePaymentIntent {
  const intentId = textField(fields, 'payment_intent');
  const chargeId = textField(fields, 'charge');
  if (intentId !== undefined && chargeId !== undefined) {
    throw invalidRequest('You cannot specify both charge and payment_intent.', undefined, 'charge');
  }
  if (chargeId !== undefined) {
    const charge = ctx.state.charges.get(chargeId);
    const intent = charge && ctx.state.paymentIntents.get(charge.payment_intent);
    if (intent === undefined) {
      throw invalidRequest(`No such charge: '${chargeId}'`, 'resource_missing', 'charge');
    }
    return intent;
  }
  if (intentId === undefined) throw missingParam('payment_intent');
  const intent = ctx.state.paymentIntents.get(intentId);
  if (intent === undefined) {
    throw invalidRequest(
      `No such payment_intent: '${intentId}'`,
      'resource_missing',
      'payment_intent',
    );
  }
  return intent;
}

/** GET /v1/refunds/:id */
export function retrieveRefund(ctx: MoneyContext, id: string): FakeRefund {
  const refund = ctx.state.refunds.get(id);
  if (refund === undefined) throw noSuch('refund', id, 'refund');
  return refund;
}

/** GET /v1/refunds, optionally for one payment_intent. */
export function listRefunds(ctx: MoneyContext, query: FormFields): StripeList<FakeRefund> {
  const intent = textField(query, 'payment_intent');
  const all = [...ctx.state.refunds.values()].filter(
    (r) => intent === undefined || r.payment_intent === intent,
  );
  return listPage(all, query, '/v1/refunds', ctx.maxPageSize());
}

/** GET /v1/events/:id */
export function retrieveEvent(ctx: MoneyContext, id: string): FakeEvent {
  const event = ctx.state.events.find((e) => e.id === id);
  if (event === undefined) throw noSuch('event', id);
  return event;
}

/** GET /v1/events, optionally of one type. */
export function listEvents(ctx: MoneyContext, query: FormFields): StripeList<FakeEvent> {
  const type = textField(query, 'type');
  const all = ctx.state.events.filter((e) => type === undefined || e.type === type);
  return listPage(all, query, '/v1/events', ctx.maxPageSize());
}
