// The Stripe fake's own contract, driven by the official SDK and by raw HTTP where the wire matters.
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeStripe, startFakeStripe } from './stripe-api.ts';
import { startWebhookReceiver, type WebhookReceiver } from './stripe-webhook-receiver.ts';

const secretKey = 'sk_test_fake_contract';
const webhookSecret = 'whsec_fake_contract';
const START = new Date('2026-03-02T08:00:00Z');
const startSeconds = START.getTime() / 1000;

let now: Date;
let fake: FakeStripe;
let stripe: Stripe;
let receiver: WebhookReceiver | null = null;

beforeEach(async () => {
  now = START;
  fake = await startFakeStripe({ secretKey, webhookSecret, now: () => now });
  stripe = sdk(0);
});

afterEach(async () => {
  await fake.close();
  await receiver?.close();
  receiver = null;
});

function sdk(maxNetworkRetries: number, key = secretKey): Stripe {
  const port = Number(new URL(fake.apiBase).port);
  return new Stripe(key, { host: '127.0.0.1', port, protocol: 'http', maxNetworkRetries });
}

function sessionParams(overrides: Partial<Stripe.Checkout.SessionCreateParams> = {}) {
  return {
    mode: 'payment' as const,
    line_items: [
      {
        quantity: 1,
        price_data: { currency: 'eur', unit_amount: 5000, product_data: { name: 'Haircut' } },
      },
    ],
    metadata: { appointment_id: 'appt-1' },
    client_reference_id: 'appt-1',
    success_url: 'http://127.0.0.1:9/paid',
    cancel_url: 'http://127.0.0.1:9/cancelled',
    expires_at: startSeconds + 3600,
    ...overrides,
  };
}

function postForm(path: string, body: string, key: string | null = secretKey) {
  return fetch(`${fake.apiBase}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(key === null ? {} : { authorization: `Bearer ${key}` }),
    },
    body,
  });
}

describe('requests', () => {
  it('refuses a missing or wrong key with 401 in Stripe error shape', async () => {
    for (const key of [null, 'sk_test_wrong']) {
      const response = await postForm('/v1/refunds', 'payment_intent=pi_1', key);
      expect(response.status).toBe(401);
      const body = (await response.json()) as { error: { type: string; message: string } };
      expect(body.error.type).toBe('invalid_request_error');
      expect(body.error.message).toMatch(/API key/i);
    }
    await expect(sdk(0, 'sk_test_wrong').events.list()).rejects.toBeInstanceOf(
      Stripe.errors.StripeAuthenticationError,
    );
  });

  it('decodes bracket notation into the session, keeping the line items', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    expect(session).toMatchObject({
      object: 'checkout.session',
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 5000,
      currency: 'eur',
      client_reference_id: 'appt-1',
      metadata: { appointment_id: 'appt-1' },
      expires_at: startSeconds + 3600,
      payment_intent: null,
    });
    expect(session.url).toContain(session.id);
    expect(fake.lineItems(session.id)).toEqual([
      { currency: 'eur', unitAmount: 5000, quantity: 1, name: 'Haircut' },
    ]);
    expect(fake.calls[0]?.rawBody).toContain('line_items[0][price_data][unit_amount]=5000');
  });

  it.each([
    ['10.5', 'parameter_invalid_integer'],
    ['1e3', 'parameter_invalid_integer'],
    ['', 'parameter_invalid_integer'],
  ])('refuses unit_amount=%s as %s', async (amount, code) => {
    const body = new URLSearchParams({
      mode: 'payment',
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][currency]': 'eur',
      'line_items[0][price_data][unit_amount]': amount,
      'line_items[0][price_data][product_data][name]': 'x',
      success_url: 'http://127.0.0.1:9/ok',
    });
    const response = await postForm('/v1/checkout/sessions', body.toString());
    expect(response.status).toBe(400);
    expect(response.headers.get('stripe-should-retry')).toBe('false');
    const { error } = (await response.json()) as { error: Record<string, string> };
    expect(error).toMatchObject({ type: 'invalid_request_error', code });
    expect(fake.sessions()).toHaveLength(0);
  });

  it.each([
    [{ expires_at: startSeconds + 600 }, 'expires_at'],
    [{ expires_at: startSeconds + 90_000 }, 'expires_at'],
    [{ mode: 'subscription' as const }, 'mode'],
    [{ success_url: 'not a url' }, 'success_url'],
    // A language Checkout does not speak (the SDK's type allows only known ones).
    [{ locale: 'xx' as 'auto' }, 'locale'],
  ])('refuses %o, naming %s', async (overrides, param) => {
    const error = await stripe.checkout.sessions.create(sessionParams(overrides)).catch((e) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.param).toBe(param);
  });

  it('refuses an unknown parameter and an amount over eight digits', async () => {
    const unknown = await postForm('/v1/refunds', 'payment_intent=pi_1&colour=red');
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe(
      'parameter_unknown',
    );
    const huge = sessionParams({
      line_items: [
        {
          quantity: 2,
          price_data: { currency: 'jpy', unit_amount: 60_000_000, product_data: { name: 'x' } },
        },
      ],
    });
    await expect(stripe.checkout.sessions.create(huge)).rejects.toMatchObject({
      code: 'amount_too_large',
    });
  });
});

describe('idempotency', () => {
  it('replays the first answer for the same key and body, without acting again', async () => {
    const first = await stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'k1' });
    const again = await stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'k1' });
    expect(again.id).toBe(first.id);
    expect(fake.sessions()).toHaveLength(1);
    expect(fake.calls.map((c) => c.replayed)).toEqual([false, true]);
  });

  it('answers 400 idempotency_error for the same key with another body', async () => {
    await stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'k2' });
    const other = sessionParams({ client_reference_id: 'appt-2' });
    const error = await stripe.checkout.sessions
      .create(other, { idempotencyKey: 'k2' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.statusCode).toBe(400);
    expect(fake.sessions()).toHaveLength(1);
  });

  it('saves no result for a refused request, so a corrected one may reuse the key', async () => {
    const bad = sessionParams({ expires_at: startSeconds + 60 });
    await expect(stripe.checkout.sessions.create(bad, { idempotencyKey: 'k3' })).rejects.toThrow();
    const good = await stripe.checkout.sessions.create(sessionParams(), { idempotencyKey: 'k3' });
    expect(good.status).toBe('open');
  });
});

describe('payments, expiry and refunds', () => {
  it('pay completes the session with a succeeded intent and two events', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const intent = fake.pay(session.id);
    const read = await stripe.checkout.sessions.retrieve(session.id);
    expect(read).toMatchObject({
      status: 'complete',
      payment_status: 'paid',
      payment_intent: intent.id,
    });
    const retrieved = await stripe.paymentIntents.retrieve(intent.id);
    expect(retrieved).toMatchObject({ status: 'succeeded', amount: 5000, currency: 'eur' });
    expect(fake.events().map((e) => e.type)).toEqual([
      'payment_intent.succeeded',
      'checkout.session.completed',
    ]);
    expect(() => fake.pay(session.id)).toThrow(/cannot be paid/);
  });

  it('expires sessions on request or when their time runs out; neither can then be paid', async () => {
    const a = await stripe.checkout.sessions.create(sessionParams());
    const b = await stripe.checkout.sessions.create(sessionParams());
    expect((await stripe.checkout.sessions.expire(a.id)).status).toBe('expired');
    await expect(stripe.checkout.sessions.expire(a.id)).rejects.toMatchObject({ statusCode: 400 });
    now = new Date(START.getTime() + 3_600_000);
    expect((await stripe.checkout.sessions.retrieve(b.id)).status).toBe('expired');
    expect(() => fake.pay(b.id)).toThrow(/cannot be paid/);
    expect(fake.events().map((e) => e.type)).toEqual([
      'checkout.session.expired',
      'checkout.session.expired',
    ]);
  });

  it('refunds partly, then the rest, then refuses a third', async () => {
    const session = await stripe.checkout.sessions.create(sessionParams());
    const intent = fake.pay(session.id);
    const part = await stripe.refunds.create({ payment_intent: intent.id, amount: 2000 });
    expect(part).toMatchObject({ status: 'succeeded', amount: 2000 });
    await expect(
      stripe.refunds.create({ payment_intent: intent.id, amount: 3001 }),
    ).rejects.toMatchObject({ code: 'amount_too_large' });
    const rest = await stripe.refunds.create({ payment_intent: intent.id });
    expect(rest.amount).toBe(3000);
    await expect(stripe.refunds.create({ payment_intent: intent.id })).rejects.toMatchObject({
      code: 'charge_already_refunded',
    });
    const listed = await stripe.refunds.list({ payment_intent: intent.id });
    expect(listed.data.map((r) => r.id)).toEqual([rest.id, part.id]);
    expect((await stripe.refunds.retrieve(part.id)).amount).toBe(2000);
  });

  it('a held refund fails when told to, freeing the amount again', async () => {
    fake.holdRefunds(true);
    const session = await stripe.checkout.sessions.create(sessionParams());
    const intent = fake.pay(session.id);
    const refund = await stripe.refunds.create({ payment_intent: intent.id });
    expect(refund.status).toBe('pending');
    fake.settleRefund(refund.id, 'failed');
    expect(await stripe.refunds.retrieve(refund.id)).toMatchObject({
      status: 'failed',
      failure_reason: 'expired_or_canceled_card',
    });
    expect(fake.events().map((e) => e.type)).toContain('refund.failed');
    expect((await stripe.refunds.create({ payment_intent: intent.id })).amount).toBe(5000);
  });
});

describe('events', () => {
  async function paidSessions(count: number): Promise<void> {
    for (let i = 0; i < count; i += 1) {
      fake.pay((await stripe.checkout.sessions.create(sessionParams())).id);
    }
  }

  it.each([1, 2])('lists in pages of %i, newest first, following has_more', async (size) => {
    await paidSessions(3);
    fake.setPageSize(size);
    const seen: string[] = [];
    for await (const event of stripe.events.list({ limit: 100 })) seen.push(event.id);
    expect(seen).toEqual(
      fake
        .events()
        .map((e) => e.id)
        .reverse(),
    );
    const listCalls = fake.calls.filter((c) => c.path === '/v1/events');
    expect(listCalls).toHaveLength(Math.ceil(6 / size));
    const first = await stripe.events.list({ limit: 100 });
    expect(first.data).toHaveLength(size);
    expect(first.has_more).toBe(true);
  });

  it('retrieves one event and filters by type', async () => {
    await paidSessions(2);
    const completed = await stripe.events.list({ type: 'checkout.session.completed' });
    expect(completed.data).toHaveLength(2);
    const id = completed.data[0]?.id ?? '';
    expect((await stripe.events.retrieve(id)).type).toBe('checkout.session.completed');
    await expect(stripe.events.retrieve('evt_missing')).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe('webhooks', () => {
  it('delivers signed events that the SDK verifies, and each signature binds its body', async () => {
    receiver = await startWebhookReceiver();
    fake.setWebhookUrl(receiver.url);
    const session = await stripe.checkout.sessions.create(sessionParams());
    fake.pay(session.id);
    const deliveries = await fake.deliver();
    expect(deliveries.map((d) => d.status)).toEqual([200, 200]);
    const receivedAt = now.getTime();
    for (const { body, signature } of receiver.received) {
      expect(signature).toMatch(new RegExp(`^t=${startSeconds},v1=[0-9a-f]{64}$`));
      const event = stripe.webhooks.constructEvent(
        body,
        signature ?? '',
        webhookSecret,
        300,
        undefined,
        receivedAt,
      );
      expect(event.type).toMatch(/^(payment_intent\.succeeded|checkout\.session\.completed)$/);
      expect(() =>
        stripe.webhooks.constructEvent(
          body,
          signature ?? '',
          'whsec_other',
          300,
          undefined,
          receivedAt,
        ),
      ).toThrow(Stripe.errors.StripeSignatureVerificationError);
    }
    expect(await fake.deliver()).toEqual([]);
  });

  it('delivers twice, or newest first, when told to', async () => {
    receiver = await startWebhookReceiver();
    fake.setWebhookUrl(receiver.url);
    const session = await stripe.checkout.sessions.create(sessionParams());
    fake.pay(session.id);
    const twice = await fake.deliver({ twice: true });
    expect(twice.map((d) => d.type)).toEqual([
      'payment_intent.succeeded',
      'payment_intent.succeeded',
      'checkout.session.completed',
      'checkout.session.completed',
    ]);
    fake.expire((await stripe.checkout.sessions.create(sessionParams())).id);
    fake.pay((await stripe.checkout.sessions.create(sessionParams())).id);
    const reversed = await fake.deliver({ reverse: true });
    expect(reversed.map((d) => d.type)).toEqual([
      'checkout.session.completed',
      'payment_intent.succeeded',
      'checkout.session.expired',
    ]);
  });
});

describe('faults', () => {
  it('answers 429 with Retry-After and no Stripe-Should-Retry, so the SDK does not retry it', async () => {
    fake.faults.add({ path: '/v1/events' }, { kind: 'status', status: 429, retryAfterSeconds: 3 });
    const response = await fetch(`${fake.apiBase}/v1/events`, {
      headers: { authorization: `Bearer ${secretKey}` },
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(response.headers.get('stripe-should-retry')).toBeNull();
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('rate_limit');
    fake.faults.add({ path: '/v1/events' }, { kind: 'status', status: 429, retryAfterSeconds: 0 });
    await expect(sdk(2).events.list()).rejects.toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(fake.faults.pending()).toBe(0);
  });

  it('answers 500 and 503 in api_error shape, which the SDK retries', async () => {
    fake.faults.add(
      { path: '/v1/events' },
      { kind: 'status', status: 500 },
      { kind: 'status', status: 503 },
    );
    const list = await sdk(2).events.list();
    expect(list.object).toBe('list');
    expect(fake.faults.played()).toHaveLength(2);
  });
});
