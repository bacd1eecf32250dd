// recordPayment on real PostgreSQL: a hold paid in time is confirmed once; every other payment is owed back.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../../src/booking/book-appointment.ts';
import type { Appointment } from '../../src/domain/appointment.ts';
import { recordPayment } from '../../src/payments/record-payment.ts';
import type { PaymentReceipt } from '../../src/payments/store-payment.ts';
import { addClient, createFixture, type Fixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const NOW = MONDAY_MORNING; // 07:00 Berlin
const START = new Date('2026-11-30T10:00:00+01:00');
const MIN = 60_000;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

type Paid = { f: Fixture; hold: Appointment; session: string };

/** A FULL-price service (5000 EUR cents), one client's 15-minute hold, its open checkout row. */
async function heldSlot(service: Record<string, unknown> = {}): Promise<Paid> {
  const f = await createFixture(t.db, { service: { paymentMode: 'FULL', ...service } });
  const hold = await holdFor(f, f.clientId);
  const session = `cs_test_${randomUUID()}`;
  await t.pool.query(
    `insert into payments (appointment_id, method, state, amount, currency, checkout_session_id,
       checkout_url, created_at)
     values ($1, 'STRIPE_CHECKOUT', 'OPEN', $2, 'EUR', $3, 'https://pay.test/x', $4)`,
    [hold.id, hold.amountDue, session, NOW],
  );
  return { f, hold, session };
}

async function holdFor(f: Fixture, clientId: string, now = NOW): Promise<Appointment> {
  const r = await bookAppointment(
    t.db,
    {
      providerId: f.providerId,
      serviceId: f.serviceId,
      clientId,
      startTime: START,
      notes: null,
      idempotencyKey: randomUUID(),
      actor: `client:${clientId}`,
      paymentHoldMinutes: 15,
    },
    now,
  );
  if (!r.ok) throw new Error(r.code);
  return r.value.appointment;
}

function stripeReceipt(p: Paid, extra: Partial<PaymentReceipt> = {}): PaymentReceipt {
  return {
    appointmentId: p.hold.id,
    method: 'STRIPE_CHECKOUT',
    amount: p.hold.amountDue,
    currency: 'EUR',
    checkoutSessionId: p.session,
    paymentIntentId: `pi_${randomUUID()}`,
    chargeId: null,
    telegramChargeId: null,
    paidAt: new Date(NOW.getTime() + 5 * MIN),
    ...extra,
  };
}

function telegramReceipt(appointment: Appointment, extra: Partial<PaymentReceipt> = {}) {
  return {
    ...stripeReceiptFields(appointment),
    method: 'TELEGRAM_INVOICE',
    checkoutSessionId: null,
    paymentIntentId: null,
    chargeId: `ch_${randomUUID()}`,
    telegramChargeId: `tg_${randomUUID()}`,
    ...extra,
  } satisfies PaymentReceipt;
}

function stripeReceiptFields(a: Appointment) {
  return {
    appointmentId: a.id,
    amount: a.amountDue,
    currency: a.currency,
    paidAt: new Date(NOW.getTime() + 5 * MIN),
  };
}

async function moneyOf(id: string) {
  const q = (text: string) => t.pool.query(text, [id]).then((r) => r.rows);
  return {
    appointment: (
      await q(`select status, hold_expires_at, refund_status from appointments where id = $1`)
    )[0],
    events: (
      await q(
        `select type, from_status, to_status from appointment_events where appointment_id = $1 order by id`,
      )
    ).map((e) => `${e.type}:${e.from_status ?? '-'}>${e.to_status}`),
    payments: await q(
      `select method, state, amount from payments where appointment_id = $1 order by created_at`,
    ),
    refunds: await q(
      `select reason, state, amount, currency from refunds where appointment_id = $1`,
    ),
  };
}

describe('recordPayment', () => {
  it('confirms a hold paid in time: CONFIRMED, the hold cleared, the checkout PAID, one PAID event', async () => {
    const p = await heldSlot();
    const outcome = await recordPayment(t.db, stripeReceipt(p), NOW);
    expect(outcome.ok && [outcome.value.kind, outcome.value.appointment.status]).toEqual([
      'confirmed',
      'CONFIRMED',
    ]);
    expect(await moneyOf(p.hold.id)).toEqual({
      appointment: { status: 'CONFIRMED', hold_expires_at: null, refund_status: 'NONE' },
      events: ['BOOKED:->AWAITING_PAYMENT', 'PAID:AWAITING_PAYMENT>CONFIRMED'],
      payments: [{ method: 'STRIPE_CHECKOUT', state: 'PAID', amount: 5000 }],
      refunds: [],
    });
  });

  it('makes a paid hold of an approval service PENDING, for the provider to decide', async () => {
    const p = await heldSlot({ requiresApproval: true });
    const outcome = await recordPayment(t.db, stripeReceipt(p), NOW);
    expect(outcome.ok && outcome.value.appointment.status).toBe('PENDING');
  });

  it('confirms once when the same payment arrives 200 times at once', async () => {
    const p = await heldSlot();
    const receipt = stripeReceipt(p);
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, () => recordPayment(t.db, receipt, NOW)),
    );
    const kinds = outcomes.map((o) => (o.ok ? o.value.kind : o.code));
    expect(kinds.filter((k) => k === 'confirmed')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'duplicate')).toHaveLength(199);
    const money = await moneyOf(p.hold.id);
    expect(money.events).toEqual(['BOOKED:->AWAITING_PAYMENT', 'PAID:AWAITING_PAYMENT>CONFIRMED']);
    expect(money.payments).toHaveLength(1);
  });

  it('releases a hold paid after its end and owes the payment back; the slot is free again', async () => {
    const p = await heldSlot();
    const late = new Date(p.hold.holdExpiresAt?.getTime() ?? 0).getTime() + 1_000;
    const outcome = await recordPayment(
      t.db,
      stripeReceipt(p, { paidAt: new Date(late) }),
      new Date(late),
    );
    expect(outcome.ok && outcome.value.kind).toBe('refunding');
    expect(await moneyOf(p.hold.id)).toEqual({
      appointment: { status: 'CANCELLED', hold_expires_at: null, refund_status: 'REFUND_DUE' },
      events: [
        'BOOKED:->AWAITING_PAYMENT',
        'HOLD_EXPIRED:AWAITING_PAYMENT>CANCELLED',
        'LATE_PAYMENT:CANCELLED>CANCELLED',
      ],
      payments: [{ method: 'STRIPE_CHECKOUT', state: 'PAID', amount: 5000 }],
      refunds: [{ reason: 'PAID_AFTER_HOLD', state: 'REFUND_DUE', amount: 5000, currency: 'EUR' }],
    });
    const other = await holdFor(p.f, await addClient(t.db), new Date(late));
    expect(other.status).toBe('AWAITING_PAYMENT');
  });

  it('refunds a payment for a hold already released, and a repeat of it owes nothing more', async () => {
    const p = await heldSlot();
    await t.pool.query(
      `update appointments set status = 'CANCELLED', hold_expires_at = null, cancelled_at = $2,
         cancelled_by = 'CLIENT' where id = $1`,
      [p.hold.id, NOW],
    );
    const receipt = stripeReceipt(p);
    const first = await recordPayment(t.db, receipt, NOW);
    const again = await recordPayment(t.db, receipt, NOW);
    expect([first.ok && first.value.kind, again.ok && again.value.kind]).toEqual([
      'refunding',
      'duplicate',
    ]);
    const money = await moneyOf(p.hold.id);
    expect(money.refunds).toEqual([
      { reason: 'PAID_AFTER_HOLD', state: 'REFUND_DUE', amount: 5000, currency: 'EUR' },
    ]);
    expect(money.events.filter((e) => e.startsWith('LATE_PAYMENT'))).toHaveLength(1);
  });

  it('owes back a second payment of an appointment already paid, leaving it confirmed', async () => {
    const p = await heldSlot();
    await recordPayment(t.db, stripeReceipt(p), NOW);
    const outcome = await recordPayment(t.db, telegramReceipt(p.hold), NOW);
    expect(outcome.ok && [outcome.value.kind, outcome.value.appointment.status]).toEqual([
      'refunding',
      'CONFIRMED',
    ]);
    const money = await moneyOf(p.hold.id);
    expect(money.refunds).toEqual([
      { reason: 'DUPLICATE_PAYMENT', state: 'REFUND_DUE', amount: 5000, currency: 'EUR' },
    ]);
    expect(money.payments.map((x) => x.method)).toEqual(['STRIPE_CHECKOUT', 'TELEGRAM_INVOICE']);
  });

  it.each([
    ['another amount', { amount: 4999 }],
    ['another currency', { currency: 'USD' }],
  ])('owes back a payment of %s and keeps the hold payable', async (_name, extra) => {
    const p = await heldSlot();
    const outcome = await recordPayment(t.db, telegramReceipt(p.hold, extra), NOW);
    expect(outcome.ok && [outcome.value.kind, outcome.value.appointment.status]).toEqual([
      'refunding',
      'AWAITING_PAYMENT',
    ]);
    expect((await moneyOf(p.hold.id)).refunds.map((r) => r.reason)).toEqual(['AMOUNT_MISMATCH']);
    const paid = await recordPayment(t.db, stripeReceipt(p), NOW);
    expect(paid.ok && paid.value.kind).toBe('confirmed');
  });

  it('records a Telegram payment that had no row before, once per Telegram charge', async () => {
    const f = await createFixture(t.db, {
      service: { paymentMode: 'DEPOSIT', depositAmount: 1200 },
    });
    const hold = await holdFor(f, f.clientId);
    const receipt = telegramReceipt(hold);
    const outcomes = await Promise.all([
      recordPayment(t.db, receipt, NOW),
      recordPayment(t.db, receipt, NOW),
    ]);
    expect(outcomes.map((o) => o.ok && o.value.kind).sort()).toEqual(['confirmed', 'duplicate']);
    expect((await moneyOf(hold.id)).payments).toEqual([
      { method: 'TELEGRAM_INVOICE', state: 'PAID', amount: 1200 },
    ]);
  });

  it('records a checkout payment whose row was never kept (a crash after creating the session)', async () => {
    const f = await createFixture(t.db, { service: { paymentMode: 'FULL' } });
    const hold = await holdFor(f, f.clientId);
    const outcome = await recordPayment(
      t.db,
      stripeReceipt({ f, hold, session: `cs_test_${randomUUID()}` }),
      NOW,
    );
    expect(outcome.ok && outcome.value.kind).toBe('confirmed');
  });

  it('answers NOT_FOUND for an unknown or malformed appointment id, storing nothing', async () => {
    const p = await heldSlot();
    for (const appointmentId of [randomUUID(), 'not-a-uuid']) {
      expect(await recordPayment(t.db, stripeReceipt(p, { appointmentId }), NOW)).toEqual({
        ok: false,
        code: 'NOT_FOUND',
        entity: 'appointment',
      });
    }
    expect((await moneyOf(p.hold.id)).payments[0]?.state).toBe('OPEN');
  });

  it('gives a paid slot to one of two racing clients; the loser, paying late, is refunded', async () => {
    const f = await createFixture(t.db, { service: { paymentMode: 'FULL' } });
    const [a, b] = [await addClient(t.db), await addClient(t.db)];
    const race = await Promise.allSettled([holdFor(f, a), holdFor(f, b)]);
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const winner = race.find((r) => r.status === 'fulfilled')?.value as Appointment;
    const later = new Date(NOW.getTime() + 16 * MIN);
    // The winner's hold lapses; the other client takes the slot; then the first payment arrives.
    const loser = winner.clientId === a ? b : a;
    const lateHold = winner;
    const second = await releasedThenHeld(f, lateHold, loser, later);
    const outcome = await recordPayment(
      t.db,
      { ...telegramReceipt(lateHold), paidAt: later },
      later,
    );
    expect(outcome.ok && outcome.value.kind).toBe('refunding');
    const money = await moneyOf(second.id);
    expect(money.appointment?.status).toBe('AWAITING_PAYMENT');
  });
});

/** Releases `hold` as its job would at `at`, then books the slot for `clientId`. */
async function releasedThenHeld(f: Fixture, hold: Appointment, clientId: string, at: Date) {
  await t.pool.query(
    `update appointments set status = 'CANCELLED', hold_expires_at = null, cancelled_at = $2,
       cancelled_by = 'CLIENT' where id = $1`,
    [hold.id, at],
  );
  return holdFor(f, clientId, at);
}
