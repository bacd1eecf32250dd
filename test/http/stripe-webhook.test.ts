// POST /webhooks/stripe with the real SDK's signatures from the Stripe fake: pay, repeat, reorder, forge.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../../src/booking/book-appointment.ts';
import { createApp } from '../../src/http/create-app.ts';
import type { PaymentDeps } from '../../src/payments/payment-deps.ts';
import { startCheckout } from '../../src/payments/start-checkout.ts';
import type { Logger } from '../../src/ports/logger.ts';
import type { FakeStripe } from '../fakes/stripe-api.ts';
import { signStripePayload } from '../fakes/stripe-webhooks.ts';
import { startStripeWithGateway } from '../fakes/stripe-with-gateway.ts';
import { createFixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const secretKey = 'sk_test_webhook_SECRET';
const webhookSecret = 'whsec_webhook_SECRET';
const START = new Date('2026-11-30T10:00:00+01:00');
const MIN = 60_000;
const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };

let t: TestDatabase;
let fake: FakeStripe;
let payments: PaymentDeps;
let now = MONDAY_MORNING;
let nudges = 0;

beforeAll(async () => {
  t = await createTestDatabase();
  ({ fake, payments } = await startStripeWithGateway({
    secretKey,
    webhookSecret,
    now: () => now,
  }));
});
afterAll(() => fake.close());

function appWith(deps: { payments: PaymentDeps | null }) {
  return createApp({
    db: t.db,
    adminToken: 'test-admin-token-0123456789',
    clock: () => now,
    noShowLockoutDays: 30,
    logger: silent,
    relayChanges: async () => {
      nudges += 1;
    },
    payments: deps.payments,
  });
}

/** A client's 15-minute hold on a FULL-price service at `at`, with its Checkout Session. */
async function heldWithCheckout(at = MONDAY_MORNING, service: Record<string, unknown> = {}) {
  now = at;
  const f = await createFixture(t.db, { service: { paymentMode: 'FULL', ...service } });
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
  const link = await startCheckout(t.db, payments, booked.value.appointment.id, at);
  if (!link.ok) throw new Error(link.code);
  const sessionId = fake
    .sessions()
    .find((s) => s.client_reference_id === booked.value.appointment.id)?.id;
  if (!sessionId) throw new Error('no session at the fake');
  return { hold: booked.value.appointment, sessionId };
}

/** The fake's events about `sessionId`, oldest first. */
function eventsOf(sessionId: string) {
  return fake.events().filter((e) => JSON.stringify(e.data.object).includes(sessionId));
}

function post(app: ReturnType<typeof appWith>, body: string, signature?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (signature !== undefined) headers['stripe-signature'] = signature;
  return app.request('/webhooks/stripe', { method: 'POST', body, headers });
}

async function deliver(app: ReturnType<typeof appWith>, eventIds: string[]) {
  const statuses: number[] = [];
  for (const id of eventIds) {
    const { body, header } = fake.signed(id);
    statuses.push((await post(app, body, header)).status);
  }
  return statuses;
}

async function stateOf(id: string) {
  const q = (text: string) => t.pool.query(text, [id]).then((r) => r.rows);
  return {
    status: (await q('select status from appointments where id = $1'))[0]?.status,
    payments: (await q('select state from payments where appointment_id = $1')).map((r) => r.state),
    refunds: await q('select reason, state from refunds where appointment_id = $1'),
    paid: (await q(`select 1 from appointment_events where appointment_id = $1 and type = 'PAID'`))
      .length,
  };
}

describe('POST /webhooks/stripe', () => {
  it('confirms a hold paid in time, once, however often and in whatever order the events come', async () => {
    const app = appWith({ payments });
    const { hold, sessionId } = await heldWithCheckout();
    now = new Date(MONDAY_MORNING.getTime() + 5 * MIN);
    const earlier = fake.events().length;
    fake.pay(sessionId);
    // payment_intent.succeeded and checkout.session.completed.
    const ids = fake
      .events()
      .slice(earlier)
      .map((e) => e.id);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    const before = nudges;
    const statuses = await deliver(app, [...ids].reverse());
    statuses.push(...(await deliver(app, [...ids, ...ids])));
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(await stateOf(hold.id)).toEqual({
      status: 'CONFIRMED',
      payments: ['PAID'],
      refunds: [],
      paid: 1,
    });
    expect(nudges - before).toBe(1);
  });

  it('makes a paid hold of an approval service PENDING', async () => {
    const app = appWith({ payments });
    const { hold, sessionId } = await heldWithCheckout(MONDAY_MORNING, { requiresApproval: true });
    fake.pay(sessionId);
    await deliver(
      app,
      eventsOf(sessionId).map((e) => e.id),
    );
    expect((await stateOf(hold.id)).status).toBe('PENDING');
  });

  it('releases a hold paid after its end and owes the payment back at once', async () => {
    const app = appWith({ payments });
    const { hold, sessionId } = await heldWithCheckout();
    now = new Date(MONDAY_MORNING.getTime() + 16 * MIN);
    fake.pay(sessionId);
    await deliver(
      app,
      eventsOf(sessionId).map((e) => e.id),
    );
    expect(await stateOf(hold.id)).toEqual({
      status: 'CANCELLED',
      payments: ['PAID'],
      refunds: [{ reason: 'PAID_AFTER_HOLD', state: 'REFUND_DUE' }],
      paid: 0,
    });
  });

  it('marks an expired checkout EXPIRED and leaves the hold to its job', async () => {
    const app = appWith({ payments });
    const { hold, sessionId } = await heldWithCheckout();
    fake.expire(sessionId);
    await deliver(
      app,
      eventsOf(sessionId).map((e) => e.id),
    );
    expect(await stateOf(hold.id)).toMatchObject({
      status: 'AWAITING_PAYMENT',
      payments: ['EXPIRED'],
    });
  });

  it('refuses forged, altered, stale and unsigned deliveries with 400, changing nothing', async () => {
    const app = appWith({ payments });
    const { hold, sessionId } = await heldWithCheckout();
    fake.pay(sessionId);
    const completed = eventsOf(sessionId).find((e) => e.type === 'checkout.session.completed');
    if (!completed) throw new Error('no completed event');
    const { body, header } = fake.signed(completed.id);
    const seconds = Math.floor(now.getTime() / 1000);
    const attempts = [
      post(app, body),
      post(app, body, signStripePayload('whsec_someone_else', body, seconds)),
      post(app, body.replace(hold.id, randomUUID()), header),
      post(app, body, signStripePayload(webhookSecret, body, seconds - 600)),
      post(app, body, 't=abc,v1=def'),
      post(app, 'not json', signStripePayload(webhookSecret, 'not json', seconds)),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'BAD_SIGNATURE',
      );
    }
    expect(await stateOf(hold.id)).toMatchObject({
      status: 'AWAITING_PAYMENT',
      payments: ['OPEN'],
      paid: 0,
    });
    const { rows } = await t.pool.query(
      'select 1 from payment_webhook_events where event_id = $1',
      [completed.id],
    );
    expect(rows).toEqual([]);
  });

  it('answers 200 and ignores a signed event that is not about a Slotline checkout', async () => {
    const app = appWith({ payments });
    const body = JSON.stringify({
      id: `evt_${randomUUID()}`,
      object: 'event',
      type: 'customer.created',
      created: 1,
      data: { object: { id: 'cus_1', object: 'customer' } },
    });
    const response = await post(
      app,
      body,
      signStripePayload(webhookSecret, body, Math.floor(now.getTime() / 1000)),
    );
    expect(response.status).toBe(200);
  });

  it('answers malformed and extreme deliveries with 4xx, never 5xx', async () => {
    const app = appWith({ payments });
    const seconds = Math.floor(now.getTime() / 1000);
    const huge = 'x'.repeat(1_100_000);
    const cases: [string, string | undefined][] = [
      ['', undefined],
      ['\u0000\u0000', signStripePayload(webhookSecret, '\u0000\u0000', seconds)],
      ['{"id":1}', `t=${seconds},v1=%00%00,v0=`],
      ['[]', signStripePayload(webhookSecret, '[]', seconds)],
      ['{}', 't=99999999999,v1=00'],
      [huge, signStripePayload(webhookSecret, huge, seconds)],
      ['{}', 'x'.repeat(20_000)],
    ];
    for (const [body, signature] of cases) {
      const status = (await post(app, body, signature)).status;
      expect(status, `${body.slice(0, 20)} / ${signature?.slice(0, 20)}`).toBeGreaterThanOrEqual(
        400,
      );
      expect(status).toBeLessThan(500);
    }
  });

  it('answers 404 when payments are off', async () => {
    const response = await post(appWith({ payments: null }), '{}', 't=1,v1=x');
    expect(response.status).toBe(404);
  });
});
