// A paid booking in chat, as a person walks it: held, paid by link (or not), stale buttons, giving up.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatDeps } from '../../src/chat/chat-deps.ts';
import type { ChatMessage, ChatUser } from '../../src/chat/chat-types.ts';
import { appointments } from '../../src/db/schema/appointments.ts';
import { payments } from '../../src/db/schema/payments.ts';
import type { Platform } from '../../src/domain/platforms.ts';
import { recordPayment } from '../../src/payments/record-payment.ts';
import type { FakeStripe } from '../fakes/stripe-api.ts';
import { createFixture, type Fixture } from '../support/fixtures.ts';
import {
  action,
  allButtons,
  type ChatHarness,
  chatUser,
  command,
  createChatHarness,
  NOW,
  text,
} from './chat-harness.ts';
import { sendAt, startChatPayments } from './payment-harness.ts';

let h: ChatHarness;
let f: Fixture;
let stripe: FakeStripe;
let deps: ChatDeps;
let now = NOW;
let users = 0;

beforeAll(async () => {
  h = await createChatHarness();
  f = await createFixture(h.db.db, { service: { paymentMode: 'FULL' } });
  const started = await startChatPayments(() => now);
  stripe = started.stripe;
  deps = { ...h.deps, payments: started.deps() };
});
afterAll(async () => {
  await stripe.close();
});

const say = (user: ChatUser, input: Parameters<typeof sendAt>[2]) => sendAt(deps, user, input, now);

function press(user: ChatUser, replies: readonly ChatMessage[], label: RegExp) {
  const found = allButtons(replies).find((b) => label.test(b.label));
  if (!found) throw new Error(`no ${label} in ${JSON.stringify(replies.map((r) => r.text))}`);
  return say(user, action(found.data));
}

/** A new person on `platform` books tomorrow 10:00 Berlin; the replies to Confirm. */
async function bookPaid(platform: Platform, hour: number, day = 'tomorrow') {
  users += 1;
  const user = chatUser(`${platform}-payer-${users}`, 'Pat', { platform });
  await say(user, command('book', `session ${day} at ${hour}:00`));
  // No zone from these platforms yet: the engine asks once, then carries on with the words.
  const confirm = await say(user, text('Berlin'));
  expect(confirm.at(-1)?.text).toMatch(/^Please confirm:\nSession with Test Provider/);
  const held = await press(user, confirm, /^Confirm$/);
  return { user, held };
}

async function appointmentOf(user: ChatUser) {
  const rows = await h.db.db.select().from(appointments);
  const mine = rows.filter((a) => a.clientId !== f.clientId);
  return { rows: mine, user };
}

describe('a paid booking asks for payment by link', () => {
  it.each(['slack', 'discord', 'web', 'telegram'] as const)(
    'on %s: held until a time in the client zone, the amount, and a Pay link to Stripe Checkout',
    async (platform) => {
      const { held } = await bookPaid(platform, 9 + users);
      const [message] = held;
      expect(held).toHaveLength(1);
      // 08:00 UTC is 09:00 in Berlin; a 15-minute hold ends 09:15 there.
      expect(message?.text).toMatch(/^Held for you: Session with Test Provider\n/);
      expect(message?.text).toContain('To book it, pay €50.00 by 09:15 (your time).');
      expect(message?.text).toContain(
        'Unpaid by then, the time is released and nothing is charged.',
      );
      const session = stripe.sessions().at(-1);
      expect(message?.link).toEqual({ label: 'Pay €50.00', url: session?.url });
      expect(message?.invoice ?? null).toBeNull();
      expect(allButtons(held).map((b) => b.label)).toEqual(['Release the hold']);
    },
  );

  it('a deposit names itself and what is left for the appointment', async () => {
    const g = await createFixture(h.db.db, {
      service: { name: 'Deposit Cut', paymentMode: 'DEPOSIT', depositAmount: 1500 },
    });
    const user = chatUser('deposit-payer', 'Dee', { platform: 'slack', timezone: 'Europe/Berlin' });
    const confirm = await say(user, command('book', 'deposit cut tomorrow at 11:00'));
    const held = await press(user, confirm, /^Confirm$/);
    expect(held[0]?.text).toContain('pay €15.00 deposit by 09:15 (your time)');
    expect(held[0]?.text).toContain('The remaining €35.00 is paid at the appointment.');
    expect(held[0]?.link?.label).toBe('Pay €15.00');
    expect(g.providerId).toBeTruthy();
  });

  it('when Stripe is down the hold stands, and Get payment link tries again', async () => {
    stripe.faults.add(
      { method: 'POST', path: '/v1/checkout/sessions' },
      { kind: 'status', status: 503 },
    );
    const { user, held } = await bookPaid('discord', 15);
    expect(held[0]?.text).toContain('To book it, pay €50.00 by 09:15 (your time).');
    expect(held[0]?.text).toMatch(
      /could not be opened just now\. Your time stays held; press Get payment link/,
    );
    expect(held[0]?.link ?? null).toBeNull();
    const retried = await press(user, held, /^Get payment link$/);
    expect(retried[0]?.link?.label).toBe('Pay €50.00');
    expect(retried[0]?.link?.url).toBe(stripe.sessions().at(-1)?.url);
  });

  it('after paying, /mybookings shows it confirmed and the old Pay button says it is paid', async () => {
    const { user, held } = await bookPaid('web', 16);
    const { rows } = await appointmentOf(user);
    const hold = rows.find(
      (a) => a.status === 'AWAITING_PAYMENT' && a.startTime.getUTCHours() === 15,
    );
    if (!hold) throw new Error('no hold');
    const list = await say(user, command('mybookings'));
    expect(list[0]?.text).toContain('(waiting for payment: €50.00 by 09:15)');
    expect(allButtons(list).map((b) => b.label)).toEqual(['Pay 1', 'Cancel 1']);
    // The client pays on Stripe's page; the webhook's work is recordPayment.
    const paid = await recordPayment(
      h.db.db,
      {
        appointmentId: hold.id,
        method: 'STRIPE_CHECKOUT',
        amount: 5000,
        currency: 'EUR',
        checkoutSessionId: stripe.sessions().at(-1)?.id ?? null,
        paymentIntentId: null,
        chargeId: null,
        telegramChargeId: null,
        paidAt: now,
      },
      now,
    );
    expect(paid.ok && paid.value.kind).toBe('confirmed');
    const stale = await press(user, list, /^Pay 1$/);
    expect(stale[0]?.text).toMatch(
      /is already paid \(confirmed\)\. Send \/mybookings to see it\.$/,
    );
    const after = await say(user, command('mybookings'));
    expect(after[0]?.text).toContain('(confirmed)');
    expect(allButtons(after).map((b) => b.label)).toEqual(['Reschedule 1', 'Cancel 1']);
    expect(held[0]?.link).toBeTruthy();
  });

  it('a Pay button after the hold lapsed says the time was released and offers /book', async () => {
    const { user, held } = await bookPaid('slack', 14);
    now = new Date(NOW.getTime() + 16 * 60_000);
    try {
      const again = await press(user, held, /^Release the hold$/);
      expect(again[0]?.text).toMatch(
        /was held until 09:15 \(your time\), and that has passed, so the time was released and nothing was charged\. Send \/book/,
      );
      expect(allButtons(again).map((b) => b.label)).toEqual(['Book again']);
    } finally {
      now = NOW;
    }
  });

  it('a hold button from someone else is not theirs', async () => {
    const { held } = await bookPaid('web', 12, 'wednesday');
    const stranger = chatUser('stranger', 'Sam', { platform: 'web', timezone: 'Europe/Berlin' });
    const reply = await press(stranger, held, /^Release the hold$/);
    expect(reply[0]?.text).toMatch(
      /^That button is not for a booking of yours\. Send \/mybookings/,
    );
  });

  it('the link shown is the stored OPEN payment, made by one Stripe session', async () => {
    const { user, held } = await bookPaid('discord', 13);
    const { rows } = await appointmentOf(user);
    const hold = rows.find((a) => a.startTime.getUTCHours() === 12);
    const [row] = await h.db.db
      .select()
      .from(payments)
      .where(eq(payments.appointmentId, hold?.id ?? ''));
    expect(row?.state).toBe('OPEN');
    expect(held[0]?.link?.url).toBe(row?.checkoutUrl);
    expect(stripe.sessions().filter((x) => x.url === row?.checkoutUrl)).toHaveLength(1);
  });

  it('changing their mind: Release the hold frees the time at once and charges nothing', async () => {
    const { user, held } = await bookPaid('slack', 9, 'wednesday');
    const released = await press(user, held, /^Release the hold$/);
    expect(released[0]?.text).toMatch(
      /^Released: Session with Test Provider, Wed 2 Dec 2026, 09:00–10:00 \(your time, Berlin\)\. Nothing was charged\. Send \/book/,
    );
    const { rows } = await appointmentOf(user);
    const mine = rows.filter((a) => a.startTime.toISOString() === '2026-12-02T08:00:00.000Z');
    expect(mine.map((a) => [a.status, a.holdExpiresAt, a.refundStatus])).toEqual([
      ['CANCELLED', null, 'NONE'],
    ]);
    // The time is free again: someone else books it.
    const { held: next } = await bookPaid('discord', 9, 'wednesday');
    expect(next[0]?.text).toMatch(/^Held for you/);
  });

  it('/mybookings cancels a hold after asking, saying nothing is charged', async () => {
    const { user } = await bookPaid('web', 10, 'wednesday');
    const list = await say(user, command('mybookings'));
    const ask = await press(user, list, /^Cancel 1$/);
    expect(ask[0]?.text).toMatch(
      /^Release the hold on Session with Test Provider\?\n.*\nNothing has been paid, so nothing is charged\.$/,
    );
    const done = await press(user, ask, /^Yes, release it$/);
    expect(done[0]?.text).toMatch(/^Released: .*Nothing was charged\./);
    const after = await say(user, command('mybookings'));
    expect(after[0]?.text).toMatch(/^You have no upcoming appointments\. Send \/book/);
  });
});
