// startCheckout on real PostgreSQL and the real Stripe SDK against the fake: one session, one row, per hold.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bookAppointment } from '../../src/booking/book-appointment.ts';
import { cancelAppointment } from '../../src/booking/cancel-appointment.ts';
import type { Appointment } from '../../src/domain/appointment.ts';
import type { PaymentDeps } from '../../src/payments/payment-deps.ts';
import { recordPayment } from '../../src/payments/record-payment.ts';
import { startCheckout } from '../../src/payments/start-checkout.ts';
import { createStripeGateway } from '../../src/payments/stripe-gateway.ts';
import type { Logger } from '../../src/ports/logger.ts';
import { type FakeStripe, startFakeStripe } from '../fakes/stripe-api.ts';
import { createFixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const secretKey = 'sk_test_start_checkout_SECRET';
const webhookSecret = 'whsec_start_checkout_SECRET';
const NOW = MONDAY_MORNING; // 07:00 Berlin
const START = new Date('2026-11-30T10:00:00+01:00');
const MIN = 60_000;
const TIMEOUT_MS = 500;
const CHECKOUT_PATH = { method: 'POST', path: '/v1/checkout/sessions' };
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

let t: TestDatabase;
let fake: FakeStripe;
let payments: PaymentDeps;
let fakeNow = NOW;

beforeAll(async () => {
  t = await createTestDatabase();
});

beforeEach(async () => {
  fakeNow = NOW;
  fake = await startFakeStripe({ secretKey, webhookSecret, now: () => fakeNow });
  const gateway = createStripeGateway({
    secretKey,
    webhookSecret,
    apiBase: fake.apiBase,
    timeoutMs: TIMEOUT_MS,
    maxNetworkRetries: 2,
    logger: silent,
  });
  payments = {
    gateway,
    holdMinutes: 15,
    telegramProviderToken: undefined,
    returnBaseUrl: 'http://127.0.0.1:9',
  };
});

afterEach(() => fake.close());

/** A client's 15-minute hold, booked at `at`, on a FULL-price service (5000 EUR cents). */
async function hold(at = NOW): Promise<Appointment> {
  const f = await createFixture(t.db, { service: { paymentMode: 'FULL' } });
  const booked = await bookAppointment(
    t.db,
    {
      providerId: f.providerId,
      serviceId: f.serviceId,
      clientId: f.clientId,
      startTime: START,
      notes: null,
      idempotencyKey: randomUUID(),
      actor: `client:${f.clientId}`,
      paymentHoldMinutes: 15,
    },
    at,
  );
  if (!booked.ok) throw new Error(booked.code);
  expect(booked.value.appointment.status).toBe('AWAITING_PAYMENT');
  return booked.value.appointment;
}

async function paymentRows(appointmentId: string) {
  const { rows } = await t.pool.query(
    `select method, state, amount, currency, checkout_session_id, checkout_url
       from payments where appointment_id = $1`,
    [appointmentId],
  );
  return rows;
}

/** The fake's only session; fails the test when there is none or more than one. */
function onlySession() {
  const sessions = fake.sessions();
  expect(sessions).toHaveLength(1);
  const [session] = sessions;
  if (session === undefined) throw new Error('no session at the fake');
  return session;
}

const checkoutCalls = () =>
  fake.calls.filter((c) => c.method === CHECKOUT_PATH.method && c.path === CHECKOUT_PATH.path);

describe('startCheckout', () => {
  it("gives a hold the fake session's link with amount, currency and hold end, and one OPEN row", async () => {
    const a = await hold();
    const result = await startCheckout(t.db, payments, a.id, NOW);
    const session = onlySession();
    expect(session.url).toEqual(expect.stringContaining(session.id));
    expect(result).toEqual({
      ok: true,
      value: {
        url: session.url,
        amount: 5000,
        currency: 'EUR',
        holdExpiresAt: new Date(NOW.getTime() + 15 * MIN),
      },
    });
    expect(session).toMatchObject({
      client_reference_id: a.id,
      amount_total: 5000,
      currency: 'eur',
      status: 'open',
      // The page speaks the payer's browser language.
      locale: 'auto',
      success_url: 'http://127.0.0.1:9/payments/return?result=paid',
      cancel_url: 'http://127.0.0.1:9/payments/return?result=cancelled',
    });
    expect(await paymentRows(a.id)).toEqual([
      {
        method: 'STRIPE_CHECKOUT',
        state: 'OPEN',
        amount: 5000,
        currency: 'EUR',
        checkout_session_id: session.id,
        checkout_url: session.url,
      },
    ]);
  });

  it('a second call reuses the stored link without asking Stripe again', async () => {
    const a = await hold();
    const first = await startCheckout(t.db, payments, a.id, NOW);
    const callsAfterFirst = fake.calls.length;
    const again = await startCheckout(t.db, payments, a.id, new Date(NOW.getTime() + 5 * MIN));
    expect(again).toEqual(first);
    expect(fake.calls).toHaveLength(callsAfterFirst);
    expect(onlySession().url).toBe(again.ok && again.value.url);
    expect(await paymentRows(a.id)).toHaveLength(1);
  });

  it('20 calls at once: one session at the fake, one row, the same link for all', async () => {
    const a = await hold();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => startCheckout(t.db, payments, a.id, NOW)),
    );
    const session = onlySession();
    expect(results.map((r) => r.ok && r.value.url)).toEqual(Array(20).fill(session.url));
    expect(await paymentRows(a.id)).toEqual([
      expect.objectContaining({ state: 'OPEN', checkout_session_id: session.id }),
    ]);
  });

  it('rides out a 429 with Retry-After and a 500: one session, the link returned', async () => {
    const a = await hold();
    fake.faults.add(
      CHECKOUT_PATH,
      { kind: 'status', status: 429, retryAfterSeconds: 1 },
      { kind: 'status', status: 500 },
    );
    const result = await startCheckout(t.db, payments, a.id, NOW);
    expect(fake.faults.played()).toHaveLength(2);
    expect(fake.faults.pending()).toBe(0);
    const session = onlySession();
    expect(result).toMatchObject({ ok: true, value: { url: session.url } });
    expect(await paymentRows(a.id)).toHaveLength(1);
  });

  it('Stripe down through every retry is PAYMENT_UNAVAILABLE with no row; a later call works once', async () => {
    const a = await hold();
    const down = { kind: 'status', status: 503 } as const;
    fake.faults.add(CHECKOUT_PATH, down, down, down);
    expect(await startCheckout(t.db, payments, a.id, NOW)).toEqual({
      ok: false,
      code: 'PAYMENT_UNAVAILABLE',
    });
    expect(fake.faults.pending()).toBe(0);
    expect(fake.sessions()).toHaveLength(0);
    expect(await paymentRows(a.id)).toEqual([]);

    const later = new Date(NOW.getTime() + 2 * MIN);
    fakeNow = later;
    const result = await startCheckout(t.db, payments, a.id, later);
    const session = onlySession();
    expect(result).toMatchObject({ ok: true, value: { url: session.url } });
    expect(await paymentRows(a.id)).toEqual([
      expect.objectContaining({ state: 'OPEN', checkout_session_id: session.id }),
    ]);
  });

  it('the session closes at least 30 minutes after now, and a retry sends Stripe the same expires_at', async () => {
    const a = await hold();
    // Every attempt is served but answered too late: the session exists at Stripe, we never hear.
    const slow = { kind: 'slow', ms: TIMEOUT_MS * 4 } as const;
    fake.faults.add(CHECKOUT_PATH, slow, slow, slow);
    expect(await startCheckout(t.db, payments, a.id, NOW)).toEqual({
      ok: false,
      code: 'PAYMENT_UNAVAILABLE',
    });
    expect(await paymentRows(a.id)).toEqual([]);
    // Asked again minutes later: the same request replays the session instead of being refused.
    const later = new Date(NOW.getTime() + 7 * MIN);
    fakeNow = later;
    const result = await startCheckout(t.db, payments, a.id, later);
    const session = onlySession();
    expect(result).toMatchObject({ ok: true, value: { url: session.url } });
    expect(session.expires_at).toBeGreaterThanOrEqual(NOW.getTime() / 1000 + 30 * 60);
    expect(session.expires_at).toBeGreaterThanOrEqual(later.getTime() / 1000 + 30 * 60);
    const sent = checkoutCalls().map((c) => c.fields.expires_at);
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(new Set(sent)).toEqual(new Set([String(session.expires_at)]));
    expect(checkoutCalls().at(-1)?.replayed).toBe(true);
    expect(await paymentRows(a.id)).toHaveLength(1);
  }, 20_000);

  it('a paid (CONFIRMED) hold is NOT_AWAITING_PAYMENT, and Stripe is not asked again', async () => {
    const a = await hold();
    await startCheckout(t.db, payments, a.id, NOW);
    const session = onlySession();
    const paid = await recordPayment(
      t.db,
      {
        appointmentId: a.id,
        method: 'STRIPE_CHECKOUT',
        amount: a.amountDue,
        currency: a.currency,
        checkoutSessionId: session.id,
        paymentIntentId: `pi_${randomUUID()}`,
        chargeId: null,
        telegramChargeId: null,
        paidAt: new Date(NOW.getTime() + 3 * MIN),
      },
      new Date(NOW.getTime() + 3 * MIN),
    );
    expect(paid.ok && paid.value.appointment.status).toBe('CONFIRMED');
    const calls = fake.calls.length;
    expect(await startCheckout(t.db, payments, a.id, new Date(NOW.getTime() + 4 * MIN))).toEqual({
      ok: false,
      code: 'NOT_AWAITING_PAYMENT',
      status: 'CONFIRMED',
    });
    expect(fake.calls).toHaveLength(calls);
  });

  it('a cancelled hold is NOT_AWAITING_PAYMENT even while its link is still stored', async () => {
    const a = await hold();
    await startCheckout(t.db, payments, a.id, NOW);
    const cancelled = await cancelAppointment(
      t.db,
      { appointmentId: a.id, actor: `client:${a.clientId}`, by: 'CLIENT', reason: null },
      new Date(NOW.getTime() + MIN),
    );
    expect(cancelled.ok && cancelled.value.status).toBe('CANCELLED');
    expect(await paymentRows(a.id)).toEqual([expect.objectContaining({ state: 'OPEN' })]);
    expect(await startCheckout(t.db, payments, a.id, new Date(NOW.getTime() + 2 * MIN))).toEqual({
      ok: false,
      code: 'NOT_AWAITING_PAYMENT',
      status: 'CANCELLED',
    });
  });

  it('a hold whose end has passed is NOT_AWAITING_PAYMENT, with or without a stored link', async () => {
    const fresh = await hold();
    const end = new Date(NOW.getTime() + 15 * MIN);
    expect(await startCheckout(t.db, payments, fresh.id, end)).toEqual({
      ok: false,
      code: 'NOT_AWAITING_PAYMENT',
      status: 'AWAITING_PAYMENT',
    });
    expect(fake.calls).toHaveLength(0);

    const linked = await hold();
    const justBefore = new Date(end.getTime() - 1);
    expect((await startCheckout(t.db, payments, linked.id, justBefore)).ok).toBe(true);
    expect(await startCheckout(t.db, payments, linked.id, end)).toEqual({
      ok: false,
      code: 'NOT_AWAITING_PAYMENT',
      status: 'AWAITING_PAYMENT',
    });
  });

  it('an unknown or malformed id is NOT_FOUND, with no call to Stripe', async () => {
    for (const id of [randomUUID(), 'not-a-uuid', '', "1' or '1'='1"]) {
      expect(await startCheckout(t.db, payments, id, NOW)).toEqual({
        ok: false,
        code: 'NOT_FOUND',
        entity: 'appointment',
      });
    }
    expect(fake.calls).toHaveLength(0);
  });
});
