// The Stripe fake's objects and what happens to them: sessions paid or expired, refunds settled, events.
import { stripeId } from './stripe-wire.ts';

type Metadata = Record<string, string>;

export type FakeLineItem = {
  readonly currency: string;
  readonly unitAmount: number;
  readonly quantity: number;
  readonly name: string;
};

/** A Checkout Session as the API returns it (line items kept aside, as Stripe expands them). */
export type FakeSession = {
  id: string;
  object: 'checkout.session';
  amount_subtotal: number;
  amount_total: number;
  cancel_url: string | null;
  client_reference_id: string | null;
  created: number;
  currency: string;
  expires_at: number;
  livemode: false;
  locale: string | null;
  metadata: Metadata;
  mode: 'payment';
  payment_intent: string | null;
  payment_status: 'paid' | 'unpaid';
  status: 'open' | 'complete' | 'expired';
  success_url: string;
  url: string | null;
};

export type FakePaymentIntent = {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  created: number;
  currency: string;
  latest_charge: string;
  livemode: false;
  metadata: Metadata;
  status: 'succeeded';
};

export type FakeCharge = {
  id: string;
  object: 'charge';
  amount: number;
  amount_refunded: number;
  created: number;
  currency: string;
  livemode: false;
  metadata: Metadata;
  paid: true;
  payment_intent: string;
  refunded: boolean;
  status: 'succeeded';
};

export type FakeRefund = {
  id: string;
  object: 'refund';
  amount: number;
  charge: string;
  created: number;
  currency: string;
  failure_reason?: string;
  metadata: Metadata;
  payment_intent: string;
  status: 'pending' | 'succeeded' | 'failed';
};

export type FakeEvent = {
  id: string;
  object: 'event';
  api_version: string;
  created: number;
  data: { object: unknown };
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
};

/** Everything the fake holds, in creation order (lists are served newest first). */
export type StripeState = {
  readonly sessions: Map<string, FakeSession>;
  readonly lineItems: Map<string, FakeLineItem[]>;
  readonly paymentIntentMetadata: Map<string, Metadata>;
  readonly paymentIntents: Map<string, FakePaymentIntent>;
  readonly charges: Map<string, FakeCharge>;
  readonly refunds: Map<string, FakeRefund>;
  readonly events: FakeEvent[];
  /** Events not yet delivered to the webhook endpoint, oldest first. */
  readonly undelivered: FakeEvent[];
};

/** An empty fake account. */
export function createStripeState(): StripeState {
  return {
    sessions: new Map(),
    lineItems: new Map(),
    paymentIntentMetadata: new Map(),
    paymentIntents: new Map(),
    charges: new Map(),
    refunds: new Map(),
    events: [],
    undelivered: [],
  };
}

/** Records an event with a snapshot of `object` as it is now, queued for webhook delivery. */
export function recordEvent(
  state: StripeState,
  type: string,
  object: unknown,
  at: { created: number; apiVersion: string },
): FakeEvent {
  const event: FakeEvent = {
    id: stripeId('evt'),
    object: 'event',
    api_version: at.apiVersion,
    created: at.created,
    data: { object: structuredClone(object) },
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
  };
  state.events.push(event);
  state.undelivered.push(event);
  return event;
}

type Clock = { created: number; apiVersion: string };

/**
 * The customer pays an open session: a succeeded PaymentIntent and its charge appear, the session
 * completes, and payment_intent.succeeded then checkout.session.completed are recorded. Throws
 * Error for a session that is unknown, not open or past its expires_at.
 */
export function paySession(state: StripeState, sessionId: string, at: Clock): FakePaymentIntent {
  const session = state.sessions.get(sessionId);
  if (session === undefined) throw new Error(`no session ${sessionId}`);
  if (session.status !== 'open' || at.created >= session.expires_at) {
    throw new Error(`session ${sessionId} is ${session.status}, it cannot be paid`);
  }
  const metadata = state.paymentIntentMetadata.get(sessionId) ?? {};
  const base = { created: at.created, currency: session.currency, livemode: false as const };
  const intentId = stripeId('pi');
  const charge: FakeCharge = {
    ...base,
    id: stripeId('ch'),
    object: 'charge',
    amount: session.amount_total,
    amount_refunded: 0,
    metadata,
    paid: true,
    payment_intent: intentId,
    refunded: false,
    status: 'succeeded',
  };
  const intent: FakePaymentIntent = {
    ...base,
    id: intentId,
    object: 'payment_intent',
    amount: session.amount_total,
    amount_received: session.amount_total,
    latest_charge: charge.id,
    metadata,
    status: 'succeeded',
  };
  state.charges.set(charge.id, charge);
  state.paymentIntents.set(intent.id, intent);
  Object.assign(session, { status: 'complete', payment_status: 'paid', payment_intent: intent.id });
  session.url = null;
  recordEvent(state, 'payment_intent.succeeded', intent, at);
  recordEvent(state, 'checkout.session.completed', session, at);
  return intent;
}

/** An open session expires (its time ran out, or the API was asked to); checkout.session.expired. */
export function expireSession(state: StripeState, session: FakeSession, at: Clock): void {
  session.status = 'expired';
  session.url = null;
  recordEvent(state, 'checkout.session.expired', session, at);
}

/**
 * A refund of `amount` on the intent's charge: 'succeeded' at once or 'pending' until settled.
 * The charge's amount_refunded grows now (Stripe reserves it) and charge.refunded is recorded.
 */
export function addRefund(
  state: StripeState,
  input: { intent: FakePaymentIntent; amount: number; metadata: Metadata; pending: boolean },
  at: Clock,
): FakeRefund {
  const charge = state.charges.get(input.intent.latest_charge);
  if (charge === undefined) throw new Error('a paid intent always has its charge');
  const refund: FakeRefund = {
    id: stripeId('re'),
    object: 'refund',
    amount: input.amount,
    charge: charge.id,
    created: at.created,
    currency: charge.currency,
    metadata: input.metadata,
    payment_intent: input.intent.id,
    status: input.pending ? 'pending' : 'succeeded',
  };
  state.refunds.set(refund.id, refund);
  charge.amount_refunded += input.amount;
  charge.refunded = charge.amount_refunded >= charge.amount;
  recordEvent(state, 'refund.created', refund, at);
  recordEvent(state, 'charge.refunded', charge, at);
  return refund;
}

/**
 * Settles a pending refund: 'succeeded' records refund.updated; 'failed' (the card was closed,
 * say) gives the amount back to the charge and records refund.failed. Throws for a refund that
 * is unknown or not pending.
 */
export function settleRefund(
  state: StripeState,
  refundId: string,
  outcome: 'succeeded' | 'failed',
  at: Clock,
): FakeRefund {
  const refund = state.refunds.get(refundId);
  if (refund === undefined || refund.status !== 'pending') {
    throw new Error(`refund ${refundId} is not pending`);
  }
  refund.status = outcome;
  if (outcome === 'failed') {
    refund.failure_reason = 'expired_or_canceled_card';
    const charge = state.charges.get(refund.charge);
    if (charge !== undefined) {
      charge.amount_refunded -= refund.amount;
      charge.refunded = false;
    }
  }
  recordEvent(state, outcome === 'failed' ? 'refund.failed' : 'refund.updated', refund, at);
  return refund;
}
