// The payment REST routes with the real gateway against the Stripe fake: book a paid service, pay, list.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/create-app.ts';
import type { PaymentDeps } from '../../src/payments/payment-deps.ts';
import type { Logger } from '../../src/ports/logger.ts';
import type { FakeStripe } from '../fakes/stripe-api.ts';
import { startStripeWithGateway } from '../fakes/stripe-with-gateway.ts';
import { createFixture, type Fixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const secretKey = 'sk_test_routes_SECRET';
const webhookSecret = 'whsec_routes_SECRET';
const TOKEN = 'test-admin-token-0123456789';
const START = '2026-11-30T10:00:00+01:00';
const MIN = 60_000;
const CHECKOUT = { method: 'POST', path: '/v1/checkout/sessions' } as const;
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

let t: TestDatabase;
let fake: FakeStripe;
let payments: PaymentDeps;
let now = MONDAY_MORNING;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ fake, payments } = await startStripeWithGateway({
    secretKey,
    webhookSecret,
    now: () => now,
  }));
});
afterAll(() => fake.close());

function appWith(p: PaymentDeps | null) {
  const app = createApp({
    db: t.db,
    adminToken: TOKEN,
    clock: () => now,
    noShowLockoutDays: 30,
    logger: silent,
    payments: p,
  });
  return async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const response = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    // biome-ignore lint/suspicious/noExplicitAny: the tests read arbitrary response JSON
    return { status: response.status, json: (await response.json()) as Record<string, any> };
  };
}

function book(call: ReturnType<typeof appWith>, f: Fixture) {
  return call(
    'POST',
    '/api/appointments',
    {
      provider_id: f.providerId,
      service_id: f.serviceId,
      client_id: f.clientId,
      start_time: START,
    },
    { 'idempotency-key': randomUUID() },
  );
}

async function paid(call: ReturnType<typeof appWith>, id: string) {
  const session = fake.sessions().find((s) => s.client_reference_id === id);
  if (!session) throw new Error('no session');
  const earlier = fake.events().length;
  fake.pay(session.id);
  for (const event of fake.events().slice(earlier)) {
    const { body, header } = fake.signed(event.id);
    const r = await call('POST', '/webhooks/stripe', body, { 'stripe-signature': header });
    expect(r.status).toBe(200);
  }
}

describe('payment routes', () => {
  it('books a paid service as a hold with its link, pays it, and lists the payment', async () => {
    now = MONDAY_MORNING;
    const call = appWith(payments);
    const f = await createFixture(t.db, {
      service: { paymentMode: 'DEPOSIT', depositAmount: 1500 },
    });
    const booked = await book(call, f);
    expect(booked.status).toBe(201);
    const id = booked.json.id as string;
    const session = fake.sessions().find((s) => s.client_reference_id === id);
    expect(booked.json).toMatchObject({
      status: 'AWAITING_PAYMENT',
      amount_due: 1500,
      price: 5000,
      payment: {
        checkout_url: session?.url,
        amount: 1500,
        currency: 'EUR',
        hold_expires_at: '2026-11-30T06:15:00.000Z',
      },
    });
    const again = await call('POST', `/api/appointments/${id}/checkout`);
    expect([again.status, again.json.checkout_url]).toEqual([200, session?.url]);
    expect(fake.sessions().filter((s) => s.client_reference_id === id)).toHaveLength(1);
    now = new Date(MONDAY_MORNING.getTime() + 4 * MIN);
    await paid(call, id);
    const read = await call('GET', `/api/appointments/${id}`);
    expect(read.json).toMatchObject({ status: 'CONFIRMED', hold_expires_at: null });
    const money = await call('GET', `/api/appointments/${id}/payments`);
    expect(money.status).toBe(200);
    expect(money.json).toEqual({
      payments: [
        expect.objectContaining({
          method: 'STRIPE_CHECKOUT',
          state: 'PAID',
          amount: 1500,
          currency: 'EUR',
        }),
      ],
      refunds: [],
    });
    const late = await call('POST', `/api/appointments/${id}/checkout`);
    expect([late.status, late.json.error?.code, late.json.error?.details]).toEqual([
      409,
      'NOT_AWAITING_PAYMENT',
      { status: 'CONFIRMED' },
    ]);
  });

  it('lists the refund owed for a payment that came after the hold ended', async () => {
    now = MONDAY_MORNING;
    const call = appWith(payments);
    const f = await createFixture(t.db, { service: { paymentMode: 'FULL' } });
    const id = (await book(call, f)).json.id as string;
    now = new Date(MONDAY_MORNING.getTime() + 20 * MIN);
    await paid(call, id);
    const money = await call('GET', `/api/appointments/${id}/payments`);
    expect(money.json.refunds).toEqual([
      expect.objectContaining({ reason: 'PAID_AFTER_HOLD', state: 'REFUND_DUE', amount: 5000 }),
    ]);
    expect((await call('GET', `/api/appointments/${id}`)).json.status).toBe('CANCELLED');
  });

  it('keeps the hold when Stripe is down at booking (checkout_url null), and the link works later', async () => {
    now = MONDAY_MORNING;
    const call = appWith(payments);
    const f = await createFixture(t.db, { service: { paymentMode: 'FULL' } });
    const down = { kind: 'status', status: 503 } as const;
    fake.faults.add(
      CHECKOUT,
      { kind: 'status', status: 429, retryAfterSeconds: 1 },
      down,
      down,
      down,
    );
    const booked = await book(call, f);
    expect(booked.status).toBe(201);
    expect(booked.json).toMatchObject({
      status: 'AWAITING_PAYMENT',
      payment: { checkout_url: null, amount: 5000 },
    });
    fake.faults.clear();
    const later = await call('POST', `/api/appointments/${booked.json.id}/checkout`);
    expect(later.status).toBe(200);
    expect(later.json.checkout_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/c\/pay\/cs_test_/);
    expect(fake.sessions().filter((s) => s.client_reference_id === booked.json.id)).toHaveLength(1);
  });

  it('books as before with payments off; checkout answers 404 and a free booking has no payment', async () => {
    now = MONDAY_MORNING;
    const call = appWith(null);
    const f = await createFixture(t.db, { service: { paymentMode: 'FULL' } });
    const booked = await book(call, f);
    expect(booked.json).toMatchObject({ status: 'CONFIRMED', amount_due: 0, payment: null });
    expect((await call('POST', `/api/appointments/${booked.json.id}/checkout`)).status).toBe(404);
    expect((await call('GET', `/api/appointments/${booked.json.id}/payments`)).json).toEqual({
      payments: [],
      refunds: [],
    });
  });

  it.each(['not-a-uuid', randomUUID(), '%00', 'x'.repeat(10_000)])(
    'answers 404 for the appointment %#, never 5xx',
    async (id) => {
      const call = appWith(payments);
      for (const [method, path] of [
        ['GET', `/api/appointments/${id}/payments`],
        ['POST', `/api/appointments/${id}/checkout`],
      ] as const) {
        const r = await call(method, path);
        expect(r.status).toBe(404);
      }
    },
  );
});
