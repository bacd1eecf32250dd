// Paying on Telegram end to end: invoice, pre-checkout, successful_payment, with the real engine and database.
import { eq } from 'drizzle-orm';
import type { User } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments } from '../../../src/db/schema/appointments.ts';
import { payments } from '../../../src/db/schema/payments.ts';
import { startChatPayments } from '../../chat/payment-harness.ts';
import type { FakeStripe } from '../../fakes/stripe-api.ts';
import { PROVIDER } from '../../fakes/telegram-payments-bot.ts';
import { createFixture } from '../../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { appointmentsOf, person } from './engine-harness.ts';
import { NOW, startPaymentsHarness } from './payments-harness.ts';

let t: TestDatabase;
let h: Awaited<ReturnType<typeof startPaymentsHarness>>;
let stripe: FakeStripe;

beforeAll(async () => {
  t = await createTestDatabase();
  await createFixture(t.db, { service: { paymentMode: 'FULL' } });
  const started = await startChatPayments(() => h.clock.now);
  stripe = started.stripe;
  h = await startPaymentsHarness(t.db, started.deps(PROVIDER));
});
afterAll(async () => {
  await h.close();
  await stripe.close();
});

const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

function texts(user: User): string[] {
  return h.fake.messagesIn(user.id).map((m) => m.text);
}

async function press(user: User, label: RegExp): Promise<void> {
  for (const m of h.fake.messagesIn(user.id).reverse()) {
    const b = (m.replyMarkup?.inline_keyboard ?? []).flat().find((x) => label.test(x.text));
    if (b && 'callback_data' in b) {
      await h.deliver(h.fake.callbackUpdate(user, b.callback_data, m.messageId));
      return;
    }
  }
  throw new Error(`no button ${label}`);
}

/** `user` books Tuesday at `hour` (Berlin) by words; the hold's appointment id. */
async function bookHold(user: User, hour: number): Promise<string> {
  await h.deliver(h.fake.textUpdate(user, `/book session tomorrow at ${hour}:00`));
  await h.deliver(h.fake.textUpdate(user, 'Berlin'));
  await press(user, /^Confirm$/);
  const [held] = await appointmentsOf(t.db, user);
  if (held?.status !== 'AWAITING_PAYMENT') throw new Error(`not held: ${held?.status}`);
  return held.id;
}

const paymentsOf = (appointmentId: string) =>
  t.db.select().from(payments).where(eq(payments.appointmentId, appointmentId));

describe('telegram native invoices', () => {
  it('books, sends an invoice, answers the pre-checkout and confirms on successful_payment', async () => {
    h.clock.now = NOW;
    const alice = person(701, 'Alice');
    const id = await bookHold(alice, 10);
    // 06:00 UTC is 07:00 in Berlin: a 15-minute hold ends 07:15 there.
    const held = texts(alice).find((x) => x.startsWith('Held for you'));
    expect(held).toContain('To book it, pay €50.00 by 07:15 (your time).');
    expect(held).toContain('Pay with the invoice below.');
    const invoice = h.lastInvoice(alice);
    expect(invoice.payload).toMatchObject({
      title: 'Session',
      payload: id,
      currency: 'EUR',
      provider_token: PROVIDER,
      prices: [{ label: 'Session (€50.00)', amount: 5000 }],
    });
    expect(String(invoice.payload.description)).toMatch(
      /^Session with Test Provider, Tue 1 Dec 2026, 10:00–11:00$/,
    );
    expect(stripe.sessions()).toHaveLength(0);

    h.clock.now = minutes(5);
    const paid = await h.fake.pay(alice, invoice.messageId, { deliver: h.deliver });
    expect(paid.kind).toBe('paid');
    const [appointment] = await appointmentsOf(t.db, alice);
    expect(appointment?.status).toBe('CONFIRMED');
    const rows = await paymentsOf(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      method: 'TELEGRAM_INVOICE',
      state: 'PAID',
      amount: 5000,
      currency: 'EUR',
      telegramChargeId: paid.kind === 'paid' ? paid.payment.telegram_payment_charge_id : null,
      chargeId: paid.kind === 'paid' ? paid.payment.provider_payment_charge_id : null,
    });
    expect(texts(alice).at(-1)).toMatch(
      /^Paid — you're booked: Session with Test Provider\nTue 1 Dec 2026, 10:00–11:00 \(your time, Berlin\)\nIt's confirmed\.$/,
    );
    const answers = h.fake.callsTo('answerPreCheckoutQuery');
    expect(answers.at(-1)?.payload).toMatchObject({ ok: true });
  });

  it('refuses the pre-checkout of a lapsed hold with what to do, and charges nothing', async () => {
    h.clock.now = NOW;
    const bob = person(702, 'Bob');
    const id = await bookHold(bob, 11);
    const invoice = h.lastInvoice(bob);
    h.clock.now = minutes(16);
    const paid = await h.fake.pay(bob, invoice.messageId, { deliver: h.deliver });
    expect(paid).toMatchObject({ kind: 'refused' });
    if (paid.kind !== 'refused') return;
    expect(paid.errorMessage).toBe(
      'The hold on this time ended at 07:15 (your time), so nothing was charged. Send /book to pick a time again.',
    );
    expect(await paymentsOf(id)).toEqual([]);
  });

  it('records a successful_payment delivered twice once, with one reply', async () => {
    h.clock.now = NOW;
    const carol = person(703, 'Carol');
    const id = await bookHold(carol, 12);
    const invoice = h.lastInvoice(carol);
    const paid = await h.fake.pay(carol, invoice.messageId, {
      deliver: h.deliver,
      duplicate: 'successful_payment',
    });
    expect(paid.kind).toBe('paid');
    expect(await paymentsOf(id)).toHaveLength(1);
    expect(texts(carol).filter((x) => x.startsWith('Paid —'))).toHaveLength(1);
  });

  it('a payment that lands after the hold ended is owed back and the client is told', async () => {
    h.clock.now = NOW;
    const dave = person(704, 'Dave');
    const id = await bookHold(dave, 13);
    const invoice = h.lastInvoice(dave);
    h.clock.now = minutes(14);
    // The pre-checkout is answered in time; the payment itself arrives after 07:15.
    const paid = await h.fake.pay(dave, invoice.messageId, {
      deliver: async (update) => {
        if (update.message?.successful_payment) h.clock.now = minutes(17);
        await h.deliver(update);
      },
    });
    expect(paid.kind).toBe('paid');
    const [row] = await t.db.select().from(appointments).where(eq(appointments.id, id));
    expect(row?.status).toBe('CANCELLED');
    expect(row?.refundStatus).toBe('REFUND_DUE');
    expect(await paymentsOf(id)).toMatchObject([{ state: 'PAID', method: 'TELEGRAM_INVOICE' }]);
    expect(texts(dave).at(-1)).toMatch(
      /^Your payment came after the hold ended; it will be refunded in full\..*Send \/book to pick a time again\.$/,
    );
  });

  it('a second invoice from /mybookings for a paid booking is refused at pre-checkout', async () => {
    h.clock.now = NOW;
    const erin = person(705, 'Erin');
    const id = await bookHold(erin, 14);
    await h.deliver(h.fake.textUpdate(erin, '/mybookings'));
    expect(texts(erin).at(-1)).toContain('(waiting for payment: €50.00 by 07:15)');
    await press(erin, /^Pay 1$/);
    const second = h.lastInvoice(erin);
    expect(second.payload.payload).toBe(id);
    const first = h.fake.callsTo('sendInvoice').filter((c) => c.payload.payload === id);
    expect(first).toHaveLength(2);
    expect((await h.fake.pay(erin, second.messageId, { deliver: h.deliver })).kind).toBe('paid');
    const again = await h.fake.pay(erin, second.messageId, { deliver: h.deliver });
    expect(again).toMatchObject({
      kind: 'refused',
      errorMessage:
        'This booking is already paid, so nothing was charged. Send /mybookings to see it.',
    });
    expect(await paymentsOf(id)).toHaveLength(1);
  });
});
