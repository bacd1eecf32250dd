// Paid bookings walked through an adapter: the engine with the real Stripe gateway against the
// Stripe fake, and the walks each adapter's test drives through its own SDK and fake platform.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { ChatDeps } from '../../src/chat/chat-deps.ts';
import { createRoutingMessenger, type RoutingMessenger } from '../../src/chat/routing-messenger.ts';
import { appointments } from '../../src/db/schema/appointments.ts';
import { createApp } from '../../src/http/create-app.ts';
import { releaseHold } from '../../src/payments/release-hold.ts';
import { startChatPayments } from '../chat/payment-harness.ts';
import type { FakeStripe } from '../fakes/stripe-api.ts';
import type { FakeSession } from '../fakes/stripe-state.ts';
import { testChatDeps } from '../support/deliver-changes.ts';
import { createFixture } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { expectWayOn } from '../support/transcripts.ts';

/** Monday 2026-11-30, 09:00 in Berlin: a 15-minute hold made now ends 09:15 there. */
export const PAID_NOW = new Date('2026-11-30T08:00:00Z');

/** A bot message as the person sees it, with its link button (label and URL) if it has one. */
export type PaidShown = {
  readonly text: string;
  readonly buttons: readonly string[];
  readonly link: { readonly label: string; readonly url: string } | null;
};

/** One client in one chat, driven through an adapter (see TranscriptUser). */
export type PaidUser = {
  say(text: string): Promise<PaidShown[]>;
  /** Presses the newest engine button (never a link) whose label matches. */
  press(label: RegExp): Promise<PaidShown[]>;
  /** Every message in this chat as it now looks (DMs included), oldest first. */
  screen(): Promise<PaidShown[]>;
};

export type PaidWorld = {
  readonly t: TestDatabase;
  readonly stripe: FakeStripe;
  /** The engine's clock; walks move it to play a lapsed hold. */
  readonly clock: { now: Date };
  readonly deps: ChatDeps;
  /** Register the adapter's messenger here, so DMs (a confirmed payment) reach its chat. */
  readonly messenger: RoutingMessenger;
  /** The HTTP app on the same database and payments: Stripe's webhooks arrive here. */
  readonly app: OpenAPIHono;
  /** How often the app nudged the relay; tests run the relay themselves, in order. */
  readonly relayNudges: { count: number };
};

/** A fresh database with a provider selling a €50.00 "Session" paid in full, and the Stripe fake. */
export async function startPaidWorld(): Promise<PaidWorld> {
  const t = await createTestDatabase();
  await createFixture(t.db, { service: { paymentMode: 'FULL' } });
  const clock = { now: PAID_NOW };
  const payments = await startChatPayments(() => clock.now);
  const messenger = createRoutingMessenger();
  const quiet = { info() {}, warn() {}, error() {} };
  const paymentDeps = payments.deps();
  const deps: ChatDeps = { ...testChatDeps(t.db, messenger, quiet), payments: paymentDeps };
  const relayNudges = { count: 0 };
  const app = createApp({
    db: t.db,
    adminToken: 'test-admin-token-0123456789',
    clock: () => clock.now,
    noShowLockoutDays: 30,
    logger: quiet,
    relayChanges: async () => {
      relayNudges.count += 1;
    },
    payments: paymentDeps,
  });
  return { t, stripe: payments.stripe, clock, deps, messenger, app, relayNudges };
}

const last = (shown: readonly PaidShown[]) => shown.at(-1)?.text ?? '';

/**
 * Books "Session" tomorrow at `hour` Berlin time (answering the zone question where the platform
 * tells none) and presses Confirm; checks the hold's answer: the amount and the hold's end in
 * the client's clock, a Pay link to the Stripe session made for it, and Release the hold.
 */
async function bookPaid(w: PaidWorld, user: PaidUser, hour: number) {
  w.clock.now = PAID_NOW;
  let answer = await user.say(`/book session tomorrow at ${hour}:00`);
  if (!/^Please confirm:/.test(last(answer))) answer = await user.say('Berlin');
  expect(last(answer)).toMatch(/^Please confirm:\nSession with Test Provider/);
  const held = await user.press(/^Confirm$/);
  expectWayOn(held);
  expect(held).toHaveLength(1);
  const [message] = held;
  expect(message?.text).toMatch(
    new RegExp(`^Held for you: Session with Test Provider\nTue 1 Dec 2026, ${hour}:00–`),
  );
  expect(message?.text).toContain('To book it, pay €50.00 by 09:15 (your time).');
  expect(message?.text).toContain('Unpaid by then, the time is released and nothing is charged.');
  expect(message?.buttons).toEqual(['Release the hold']);
  const session = w.stripe.sessions().find((s) => s.url === message?.link?.url);
  expect(message?.link).toEqual({ label: 'Pay €50.00', url: session?.url });
  if (!session?.client_reference_id) throw new Error('the link is no session of the fake');
  expect([session.amount_total, session.currency, session.status]).toEqual([5000, 'eur', 'open']);
  const hold = await appointmentOf(w, session.client_reference_id);
  expect(hold.startTime).toEqual(new Date(Date.UTC(2026, 11, 1, hour - 1)));
  expect(hold.status).toBe('AWAITING_PAYMENT');
  return { held, session, appointmentId: hold.id };
}

async function appointmentOf(w: PaidWorld, id: string) {
  const [row] = await w.t.db.select().from(appointments).where(eq(appointments.id, id));
  if (!row) throw new Error(`no appointment ${id}`);
  return row;
}

/**
 * The client pays on Stripe's page: the fake's session completes, and Stripe's signed webhook
 * events for it are delivered to the app's POST /webhooks/stripe, which nudges the relay; the
 * relay then runs, telling the chat.
 */
export async function payAtStripe(w: PaidWorld, session: FakeSession): Promise<void> {
  const queued = w.stripe.events().length;
  const nudged = w.relayNudges.count;
  w.stripe.pay(session.id);
  const events = w.stripe.events().slice(queued);
  expect(events.map((e) => e.type)).toContain('checkout.session.completed');
  for (const event of events) {
    const { body, header } = w.stripe.signed(event.id);
    const res = await w.app.request('/webhooks/stripe', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': header },
      body,
    });
    expect(res.status).toBe(200);
  }
  expect(w.relayNudges.count).toBeGreaterThan(nudged);
  await w.deps.relayChanges();
}

/** Books, pays by the link, and sees the booking confirmed in /mybookings. */
export async function walkPaidBooking(w: PaidWorld, user: PaidUser, hour: number): Promise<void> {
  const { session, appointmentId } = await bookPaid(w, user, hour);
  w.clock.now = new Date(PAID_NOW.getTime() + 5 * 60_000);
  await payAtStripe(w, session);
  expect((await appointmentOf(w, appointmentId)).status).toBe('CONFIRMED');
  const told = (await user.screen()).at(-1);
  expect(told?.text).toMatch(/^Booked: Session with Test Provider\n.*\nIt's confirmed\.$/);
  const list = await user.say('/mybookings');
  expectWayOn(list);
  expect(list[0]?.text).toMatch(/Session with Test Provider.*\(confirmed\)/);
  expect(list[0]?.text).not.toContain('waiting for payment');
  expect(list[0]?.buttons).toEqual(['Reschedule 1', 'Cancel 1']);
  // The hold's own button is stale now: it says the booking is paid and where to see it.
  const stale = await user.press(/^Release the hold$/);
  expectWayOn(stale);
  expect(stale[0]?.text).toMatch(/is already paid \(confirmed\)\. Send \/mybookings to see it\.$/);
}

/** Books, changes their mind: Release the hold frees the time at once, charging nothing. */
export async function walkChangedMind(
  w: PaidWorld,
  user: PaidUser,
  other: PaidUser,
  hour: number,
): Promise<void> {
  const { appointmentId } = await bookPaid(w, user, hour);
  const released = await user.press(/^Release the hold$/);
  expectWayOn(released);
  expect(released[0]?.text).toMatch(
    /^Released: Session with Test Provider, Tue 1 Dec 2026, \d\d:00–.*\. Nothing was charged\. Send \/book/,
  );
  expect(released[0]?.buttons).toEqual(['Book again']);
  const row = await appointmentOf(w, appointmentId);
  expect([row.status, row.holdExpiresAt, row.refundStatus]).toEqual(['CANCELLED', null, 'NONE']);
  // The time is free again: someone else is offered it and holds it.
  const next = await bookPaid(w, other, hour);
  expect(next.appointmentId).not.toBe(appointmentId);
  const again = await user.press(/^Book again$/);
  expectWayOn(again);
}

/**
 * Books, does not pay: after the hold's end a Pay button says the time was released and offers
 * /book; once the hold job has run (checkout closed, slot freed) the answer still has a way on.
 */
export async function walkLapsedPay(w: PaidWorld, user: PaidUser, hour: number): Promise<void> {
  const { session, appointmentId } = await bookPaid(w, user, hour);
  const list = await user.say('/mybookings');
  expect(list[0]?.text).toContain('(waiting for payment: €50.00 by 09:15)');
  expect(list[0]?.buttons).toEqual(['Pay 1', 'Cancel 1']);
  w.clock.now = new Date(PAID_NOW.getTime() + 16 * 60_000);
  const lapsed = await user.press(/^Pay 1$/);
  expectWayOn(lapsed);
  expect(lapsed[0]?.text).toMatch(
    /was held until 09:15 \(your time\), and that has passed, so the time was released and nothing was charged\. Send \/book/,
  );
  expect(lapsed[0]?.buttons).toEqual(['Book again']);
  const listed = await user.say('/mybookings');
  expect(listed[0]?.text).toContain('(unpaid at 09:15: being released, nothing charged)');
  // The hold job at its end: the Stripe page is closed and the slot freed.
  const release = { db: w.t.db, gateway: w.deps.payments?.gateway ?? null, logger: w.deps.logger };
  expect(await releaseHold(release, appointmentId, w.clock.now)).toBe('released');
  await w.deps.relayChanges();
  const told = (await user.screen()).at(-1);
  expect(told?.text).toMatch(
    /^The €50\.00 payment for Session with Test Provider on .* did not arrive in time, so that time has been released\.\nSend \/book/,
  );
  expect(w.stripe.sessions().find((s) => s.id === session.id)?.status).toBe('expired');
  expect((await appointmentOf(w, appointmentId)).status).toBe('CANCELLED');
  const stale = await user.press(/^Release the hold$/);
  expectWayOn(stale);
  expect(stale[0]?.text).toMatch(/is no longer held, so the time was released .*Send \/book/);
  const booking = await user.press(/^Book again$/);
  expectWayOn(booking);
}
