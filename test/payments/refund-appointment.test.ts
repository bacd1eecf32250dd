// refundAppointment against the Stripe fake: one refund however often it runs, Telegram charges too.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelAppointment } from '../../src/booking/cancel-appointment.ts';
import { applyRefundEvent } from '../../src/payments/apply-refund-event.ts';
import { recordPayment } from '../../src/payments/record-payment.ts';
import { refundAppointment } from '../../src/payments/refund-appointment.ts';
import type { PaymentGateway } from '../../src/ports/payment-gateway.ts';
import type { FakeStripe } from '../fakes/stripe-api.ts';
import { startStripeWithGateway } from '../fakes/stripe-with-gateway.ts';
import { createFixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { bookHold, eventsOf, payHold, refundsOf, storeOpenCheckout } from './refund-fixtures.ts';

const NOW = MONDAY_MORNING;
const MIN = 60_000;

let t: TestDatabase;
let fake: FakeStripe;
let gateway: PaymentGateway;
beforeAll(async () => {
  t = await createTestDatabase();
  ({ fake, gateway } = await startStripeWithGateway({
    secretKey: 'sk_test_r',
    webhookSecret: 'whsec_r',
    now: () => NOW,
  }));
});
afterAll(() => fake.close());

/** A hold paid through a real checkout at the fake, then cancelled by its provider: REFUND_DUE. */
async function owedCheckoutPayment(start: Date) {
  const f = await createFixture(t.db, { service: { paymentMode: 'FULL' } });
  const hold = await bookHold(t.db, f, start, NOW);
  const created = await gateway.createCheckout({
    appointmentId: hold.id,
    price: hold.amountDue,
    currency: 'EUR',
    description: 'Session',
    successUrl: 'http://127.0.0.1:9/ok',
    cancelUrl: 'http://127.0.0.1:9/no',
    expiresAt: new Date(NOW.getTime() + 60 * MIN),
  });
  if (!created.ok) throw new Error(created.code);
  await storeOpenCheckout(t, hold, created.sessionId, NOW);
  const intent = fake.pay(created.sessionId);
  await payHold(t, hold, { sessionId: created.sessionId, paymentIntentId: intent.id }, NOW);
  const input = { appointmentId: hold.id, actor: 'admin', by: 'PROVIDER', reason: null } as const;
  if (!(await cancelAppointment(t.db, input, NOW)).ok) throw new Error('not cancelled');
  return { hold, intent };
}

describe('refundAppointment', () => {
  it('refunds once when run twice at the same time, and records one REFUNDED event', async () => {
    const { hold, intent } = await owedCheckoutPayment(new Date('2026-12-02T10:00:00+01:00'));
    const runs = await Promise.all([
      refundAppointment(t.db, gateway, hold.id, NOW),
      refundAppointment(t.db, gateway, hold.id, NOW),
    ]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await refundAppointment(t.db, gateway, hold.id, NOW)).toBe(0);
    expect(fake.refunds().filter((r) => r.payment_intent === intent.id)).toHaveLength(1);
    expect((await refundsOf(t, hold.id)).refundStatus).toBe('REFUNDED');
    expect(await eventsOf(t, hold.id, 'REFUNDED')).toHaveLength(1);
  });

  it('records a pending refund as REFUNDED, which a later refund.failed turns', async () => {
    const { hold } = await owedCheckoutPayment(new Date('2026-12-02T12:00:00+01:00'));
    fake.holdRefunds(true);
    try {
      expect(await refundAppointment(t.db, gateway, hold.id, NOW)).toBe(1);
    } finally {
      fake.holdRefunds(false);
    }
    const [refund] = (await refundsOf(t, hold.id)).refunds;
    expect(refund?.state).toBe('REFUNDED');
    expect(fake.refunds().find((r) => r.id === refund?.processor_refund_id)?.status).toBe(
      'pending',
    );
    const failed = fake.settleRefund(refund?.processor_refund_id ?? '', 'failed');
    const view = {
      refundId: failed.id,
      status: 'failed',
      amount: failed.amount,
      paymentIntentId: failed.payment_intent,
      appointmentId: hold.id,
    } as const;
    expect((await applyRefundEvent(t.db, view, NOW)).kind).toBe('settled');
    expect((await refundsOf(t, hold.id)).refundStatus).toBe('REFUND_FAILED');
  });

  it('refunds a Telegram payment by its charge id', async () => {
    const f = await createFixture(t.db, { service: { paymentMode: 'FULL' } });
    const hold = await bookHold(t.db, f, new Date('2026-12-02T14:00:00+01:00'), NOW);
    // The processor's charge behind the Telegram payment, made at the fake through a checkout.
    const created = await gateway.createCheckout({
      appointmentId: randomUUID(),
      price: hold.amountDue,
      currency: 'EUR',
      description: 'Session',
      successUrl: 'http://127.0.0.1:9/ok',
      cancelUrl: 'http://127.0.0.1:9/no',
      expiresAt: new Date(NOW.getTime() + 60 * MIN),
    });
    if (!created.ok) throw new Error(created.code);
    const intent = fake.pay(created.sessionId);
    const paid = await recordPayment(
      t.db,
      {
        appointmentId: hold.id,
        method: 'TELEGRAM_INVOICE',
        amount: hold.amountDue,
        currency: 'EUR',
        checkoutSessionId: null,
        paymentIntentId: null,
        chargeId: intent.latest_charge,
        telegramChargeId: `tg_${randomUUID()}`,
        paidAt: new Date(NOW.getTime() + MIN),
      },
      NOW,
    );
    expect(paid.ok && paid.value.kind).toBe('confirmed');
    const input = { appointmentId: hold.id, actor: 'admin', by: 'PROVIDER', reason: null } as const;
    expect((await cancelAppointment(t.db, input, NOW)).ok).toBe(true);
    expect(await refundAppointment(t.db, gateway, hold.id, NOW)).toBe(1);
    const atStripe = fake.refunds().filter((r) => r.charge === intent.latest_charge);
    expect(atStripe.map((r) => r.amount)).toEqual([hold.amountDue]);
    const refundCall = fake.calls.find((c) => c.path === '/v1/refunds' && c.fields.charge);
    expect(refundCall?.fields.charge).toBe(intent.latest_charge);
    expect((await refundsOf(t, hold.id)).refundStatus).toBe('REFUNDED');
  });

  it('leaves refunds due and throws when payments are off, so the job retries', async () => {
    const { hold } = await owedCheckoutPayment(new Date('2026-12-02T16:00:00+01:00'));
    await expect(refundAppointment(t.db, null, hold.id, NOW)).rejects.toThrow(/payments are off/);
    expect((await refundsOf(t, hold.id)).refundStatus).toBe('REFUND_DUE');
  });
});
