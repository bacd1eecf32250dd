// The Stripe gateway driving the real SDK against the local fake: checkout, refunds, webhooks, faults.
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PaymentFault } from '../../src/payments/payment-fault.ts';
import { createStripeGateway } from '../../src/payments/stripe-gateway.ts';
import type { Logger } from '../../src/ports/logger.ts';
import type { CheckoutRequest, PaymentGateway } from '../../src/ports/payment-gateway.ts';
import { type FakeStripe, startFakeStripe } from '../fakes/stripe-api.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../fakes/stripe-webhook-receiver.ts';
import { signStripePayload } from '../fakes/stripe-webhooks.ts';

const secretKey = 'sk_test_gateway_SECRET';
const webhookSecret = 'whsec_gateway_SECRET';
const START = new Date('2026-03-02T08:00:00Z');
const startSeconds = START.getTime() / 1000;
const TIMEOUT_MS = 300;
const CHECKOUT_PATH = { method: 'POST', path: '/v1/checkout/sessions' };

let fake: FakeStripe;
let gateway: PaymentGateway;
let logged: unknown[];
let receiver: WebhookReceiver | null = null;

beforeEach(async () => {
  fake = await startFakeStripe({ secretKey, webhookSecret, now: () => START });
  logged = [];
  gateway = gatewayWith(secretKey);
});

afterEach(async () => {
  await fake.close();
  await receiver?.close();
  receiver = null;
});

function gatewayWith(key: string): PaymentGateway {
  const record = (fields: Record<string, unknown>, message?: string) => {
    logged.push({ fields, message });
  };
  const logger: Logger = { info: record, warn: record, error: record };
  return createStripeGateway({
    secretKey: key,
    webhookSecret,
    apiBase: fake.apiBase,
    timeoutMs: TIMEOUT_MS,
    maxNetworkRetries: 2,
    logger,
  });
}

function checkout(overrides: Partial<CheckoutRequest> = {}): CheckoutRequest {
  return {
    appointmentId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
    price: 5000,
    currency: 'EUR',
    description: 'Haircut, 45 min',
    successUrl: 'http://127.0.0.1:9/paid',
    cancelUrl: 'http://127.0.0.1:9/cancelled',
    expiresAt: new Date(START.getTime() + 3_600_000),
    ...overrides,
  };
}

async function paidCheckout(request = checkout()) {
  const created = await gateway.createCheckout(request);
  if (!created.ok) throw new Error(`checkout refused: ${created.code}`);
  const intent = fake.pay(created.sessionId);
  return { sessionId: created.sessionId, paymentIntentId: intent.id };
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

describe('checkout, payment and webhook', () => {
  it('creates a session, the client pays, and the signed webhooks verify and parse', async () => {
    receiver = await startWebhookReceiver();
    fake.setWebhookUrl(receiver.url);
    const request = checkout();
    const created = await gateway.createCheckout(request);
    expect(created).toMatchObject({ ok: true, url: expect.stringContaining('/c/pay/cs_test_') });
    if (!created.ok) return;
    const session = fake.sessions()[0];
    expect(session).toMatchObject({
      client_reference_id: request.appointmentId,
      metadata: { appointment_id: request.appointmentId },
      expires_at: startSeconds + 3600,
      success_url: request.successUrl,
      cancel_url: request.cancelUrl,
    });
    expect(fake.calls[0]?.idempotencyKey).toBe(`slotline-checkout-${request.appointmentId}`);
    const intent = fake.pay(created.sessionId);
    await fake.deliver();
    const events = receiver.received.map((w) => gateway.verifyWebhook(w.body, w.signature, START));
    expect(events.map((e) => e.ok && e.event.type)).toEqual([
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);
    expect(events[0]).toMatchObject({
      ok: true,
      event: {
        createdAt: START,
        data: { kind: 'payment_intent', paymentIntentId: intent.id, status: 'succeeded' },
      },
    });
    expect(events[1]).toMatchObject({
      ok: true,
      event: {
        data: {
          kind: 'checkout',
          checkout: {
            sessionId: created.sessionId,
            appointmentId: request.appointmentId,
            status: 'complete',
            paid: true,
            paymentIntentId: intent.id,
            amountTotal: 5000,
            currency: 'eur',
          },
        },
      },
    });
  });

  it('a duplicated delivery parses to the same event id, so it can be recognised', async () => {
    receiver = await startWebhookReceiver();
    fake.setWebhookUrl(receiver.url);
    await paidCheckout();
    await fake.deliver({ twice: true });
    const ids = receiver.received.map((w) => {
      const verified = gateway.verifyWebhook(w.body, w.signature, START);
      return verified.ok ? verified.event.id : null;
    });
    expect(ids).toHaveLength(4);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).toBe(ids[3]);
    expect(new Set(ids).size).toBe(2);
  });
});

describe('webhook verification', () => {
  async function oneEvent() {
    await paidCheckout();
    const event = fake.events().find((e) => e.type === 'checkout.session.completed');
    if (event === undefined) throw new Error('no completed event');
    return event;
  }

  it('accepts a delivery signed within the tolerance', async () => {
    const { body, header } = fake.signed((await oneEvent()).id, startSeconds - 299);
    expect(gateway.verifyWebhook(body, header, START).ok).toBe(true);
    expect(gateway.verifyWebhook(Buffer.from(body), header, START).ok).toBe(true);
  });

  it('rejects a forged signature', async () => {
    const { body } = fake.signed((await oneEvent()).id);
    const forged = signStripePayload('whsec_forged', body, startSeconds);
    expect(gateway.verifyWebhook(body, forged, START)).toEqual({
      ok: false,
      code: 'BAD_SIGNATURE',
    });
  });

  it('rejects a stale timestamp beyond the tolerance', async () => {
    const { body, header } = fake.signed((await oneEvent()).id, startSeconds - 301);
    expect(gateway.verifyWebhook(body, header, START)).toEqual({
      ok: false,
      code: 'BAD_SIGNATURE',
    });
  });

  it('rejects a body changed after signing, and a missing or garbled header', async () => {
    const { body, header } = fake.signed((await oneEvent()).id);
    const changed = body.replace('"amount_total": 5000', '"amount_total": 1');
    expect(changed).not.toBe(body);
    expect(gateway.verifyWebhook(changed, header, START).ok).toBe(false);
    expect(gateway.verifyWebhook(body, undefined, START).ok).toBe(false);
    expect(gateway.verifyWebhook(body, 'garbage', START).ok).toBe(false);
  });

  it('rejects a correctly signed body that is not JSON', () => {
    const header = signStripePayload(webhookSecret, 'not json', startSeconds);
    expect(gateway.verifyWebhook('not json', header, START)).toEqual({
      ok: false,
      code: 'BAD_SIGNATURE',
    });
  });
});

describe('idempotency', () => {
  it('replays createCheckout for the same appointment: one session in Stripe', async () => {
    const first = await gateway.createCheckout(checkout());
    const again = await gateway.createCheckout(checkout());
    expect(again).toEqual(first);
    expect(fake.sessions()).toHaveLength(1);
    expect(fake.calls.map((c) => c.replayed)).toEqual([false, true]);
  });

  it('replays a refund with the same key: one refund in Stripe', async () => {
    const { paymentIntentId } = await paidCheckout();
    const request = { paymentIntentId, idempotencyKey: 'refund-a1-cancel', appointmentId: 'a1' };
    const first = await gateway.refund(request);
    const again = await gateway.refund(request);
    expect(first).toMatchObject({ ok: true, refund: { status: 'succeeded', amount: 5000 } });
    expect(again).toEqual(first);
    expect(fake.refunds()).toHaveLength(1);
  });
});

describe('amounts', () => {
  it.each([
    [500, 'JPY', 500, 'jpy'],
    [1999, 'EUR', 1999, 'eur'],
    [5000, 'HUF', 500_000, 'huf'],
  ])('%i %s reaches Stripe as unit_amount %i %s', async (price, currency, unitAmount, code) => {
    const created = await gateway.createCheckout(checkout({ price, currency }));
    expect(created.ok).toBe(true);
    const session = fake.sessions()[0];
    expect(fake.lineItems(session?.id ?? '')).toEqual([
      { currency: code, unitAmount, quantity: 1, name: 'Haircut, 45 min' },
    ]);
    expect(fake.calls[0]?.rawBody).toContain(
      `line_items[0][price_data][unit_amount]=${unitAmount}&`,
    );
  });

  it('refuses an amount it cannot charge exactly without calling Stripe', async () => {
    const result = await gateway.createCheckout(checkout({ price: 1234, currency: 'BHD' }));
    expect(result).toMatchObject({ ok: false, code: 'AMOUNT_NOT_CHARGEABLE' });
    expect(fake.calls).toHaveLength(0);
  });

  it("passes on Stripe's own refusal of an amount below its minimum", async () => {
    const result = await gateway.createCheckout(checkout({ price: 10, currency: 'EUR' }));
    expect(result).toMatchObject({ ok: false, code: 'AMOUNT_NOT_CHARGEABLE' });
    expect(fake.sessions()).toHaveLength(0);
  });
});

describe('when Stripe misbehaves', () => {
  it('waits out a 429 with Retry-After, then succeeds', async () => {
    fake.faults.add(CHECKOUT_PATH, { kind: 'status', status: 429, retryAfterSeconds: 1 });
    const { result, ms } = await timed(() => gateway.createCheckout(checkout()));
    expect(result.ok).toBe(true);
    expect(ms).toBeGreaterThanOrEqual(1000);
    expect(fake.faults.played()).toHaveLength(1);
    expect(fake.sessions()).toHaveLength(1);
  });

  it('gives up at once on a 429 asking for a longer wait than a person should', async () => {
    fake.faults.add(CHECKOUT_PATH, { kind: 'status', status: 429, retryAfterSeconds: 60 });
    const { result, ms } = await timed(() => gateway.createCheckout(checkout()));
    expect(result).toEqual({ ok: false, code: 'PAYMENT_UNAVAILABLE' });
    expect(ms).toBeLessThan(1000);
  });

  it('retries a 500, then succeeds', async () => {
    fake.faults.add(CHECKOUT_PATH, { kind: 'status', status: 500 });
    const result = await gateway.createCheckout(checkout());
    expect(result.ok).toBe(true);
    expect(fake.faults.played()).toHaveLength(1);
    expect(fake.sessions()).toHaveLength(1);
  });

  it('503 through every retry is PAYMENT_UNAVAILABLE, nothing duplicated, and a later try works', async () => {
    const down = { kind: 'status', status: 503 } as const;
    fake.faults.add(CHECKOUT_PATH, down, down, down);
    expect(await gateway.createCheckout(checkout())).toEqual({
      ok: false,
      code: 'PAYMENT_UNAVAILABLE',
    });
    expect(fake.faults.pending()).toBe(0);
    expect(fake.sessions()).toHaveLength(0);
    expect(logged).toEqual([
      {
        fields: { operation: 'create checkout', code: 'PAYMENT_UNAVAILABLE' },
        message: 'Stripe unavailable',
      },
    ]);
    expect((await gateway.createCheckout(checkout())).ok).toBe(true);
    expect(fake.sessions()).toHaveLength(1);
  });

  it('a refund through 503s is PAYMENT_UNAVAILABLE with no refund made; the retry refunds once', async () => {
    const { paymentIntentId } = await paidCheckout();
    const down = { kind: 'status', status: 503 } as const;
    fake.faults.add({ method: 'POST', path: '/v1/refunds' }, down, down, down);
    const request = { paymentIntentId, idempotencyKey: 'refund-a1', appointmentId: 'a1' };
    expect(await gateway.refund(request)).toEqual({ ok: false, code: 'PAYMENT_UNAVAILABLE' });
    expect(fake.refunds()).toHaveLength(0);
    expect((await gateway.refund(request)).ok).toBe(true);
    expect((await gateway.refund(request)).ok).toBe(true);
    expect(fake.refunds()).toHaveLength(1);
  });

  it('retries a reset connection with the same key: one session', async () => {
    fake.faults.add(CHECKOUT_PATH, { kind: 'reset' });
    expect((await gateway.createCheckout(checkout())).ok).toBe(true);
    expect(fake.faults.played()).toEqual([{ kind: 'reset' }]);
    expect(fake.sessions()).toHaveLength(1);
  });

  it('gives up on an answer slower than the timeout, and its retry replays the session', async () => {
    fake.faults.add(CHECKOUT_PATH, { kind: 'slow', ms: TIMEOUT_MS * 10 });
    const { result, ms } = await timed(() => gateway.createCheckout(checkout()));
    expect(result.ok).toBe(true);
    expect(ms).toBeLessThan(TIMEOUT_MS * 10);
    // The slow request was served before its answer was held back; the retry replayed it.
    expect(fake.sessions()).toHaveLength(1);
    expect(fake.calls.map((c) => c.replayed)).toEqual([false, true]);
  });

  it('ends in time when every attempt is too slow', async () => {
    const slow = { kind: 'slow', ms: 5_000 } as const;
    fake.faults.add({ method: 'GET', path: '/v1/checkout/sessions/' }, slow, slow, slow);
    const { result, ms } = await timed(() => gateway.readCheckout('cs_test_unknown'));
    expect(result).toEqual({ ok: false, code: 'PAYMENT_UNAVAILABLE' });
    // Three attempts of 300 ms plus the SDK's 0.5 s and 1 s pauses, far short of one slow answer.
    expect(ms).toBeLessThan(4_000);
  });
});

describe('refunds, expiry and reading', () => {
  it('a refund that fails arrives as a refund.failed event for the appointment', async () => {
    receiver = await startWebhookReceiver();
    fake.setWebhookUrl(receiver.url);
    fake.holdRefunds(true);
    const { paymentIntentId } = await paidCheckout();
    const refund = await gateway.refund({
      paymentIntentId,
      amount: 2500,
      idempotencyKey: 'refund-a1-partial',
      appointmentId: 'a1',
    });
    expect(refund).toMatchObject({ ok: true, refund: { status: 'pending', amount: 2500 } });
    if (!refund.ok) return;
    fake.settleRefund(refund.refund.refundId, 'failed');
    await fake.deliver();
    const failed = receiver.received
      .map((w) => gateway.verifyWebhook(w.body, w.signature, START))
      .find((v) => v.ok && v.event.type === 'refund.failed');
    expect(failed).toMatchObject({
      ok: true,
      event: {
        data: {
          kind: 'refund',
          refund: { refundId: refund.refund.refundId, status: 'failed', appointmentId: 'a1' },
        },
      },
    });
  });

  it('a refund Stripe declines is REFUND_REFUSED with its code', async () => {
    const { paymentIntentId } = await paidCheckout();
    await gateway.refund({ paymentIntentId, idempotencyKey: 'r1', appointmentId: 'a1' });
    expect(
      await gateway.refund({ paymentIntentId, idempotencyKey: 'r2', appointmentId: 'a1' }),
    ).toEqual({ ok: false, code: 'REFUND_REFUSED', reason: 'charge_already_refunded' });
  });

  it('expires an open session, and reports a paid one as it is', async () => {
    const open = await gateway.createCheckout(checkout());
    if (!open.ok) throw new Error('no session');
    expect(await gateway.expireCheckout(open.sessionId)).toMatchObject({
      ok: true,
      checkout: { status: 'expired', paid: false },
    });
    const paid = await paidCheckout(checkout({ appointmentId: 'b2' }));
    expect(await gateway.expireCheckout(paid.sessionId)).toMatchObject({
      ok: true,
      checkout: { status: 'complete', paid: true, paymentIntentId: paid.paymentIntentId },
    });
    expect(await gateway.expireCheckout('cs_test_missing')).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('reads a session, and NOT_FOUND for an unknown one', async () => {
    const { sessionId } = await paidCheckout();
    expect(await gateway.readCheckout(sessionId)).toMatchObject({
      ok: true,
      checkout: { sessionId, status: 'complete', paid: true },
    });
    expect(await gateway.readCheckout('cs_test_missing')).toEqual({
      ok: false,
      code: 'NOT_FOUND',
    });
  });
});

describe('faults', () => {
  it('a rejected key throws PaymentFault with the SDK error as cause, and no secret in it', async () => {
    const wrong = gatewayWith('sk_test_wrong_SECRET');
    const error = await wrong.readCheckout('cs_test_1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaymentFault);
    expect((error as PaymentFault).cause).toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    expect((error as Error).message).not.toContain('SECRET');
    expect(JSON.stringify(logged)).not.toContain('SECRET');
  });
});
