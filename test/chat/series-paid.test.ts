// A weekly series of a paid service in chat: each date is held until paid, and /mybookings has a
// Pay button for each, marked with its place in the series.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatDeps } from '../../src/chat/chat-deps.ts';
import type { ChatMessage } from '../../src/chat/chat-types.ts';
import { appointments } from '../../src/db/schema/appointments.ts';
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
  textOf,
} from './chat-harness.ts';
import { sendAt, startChatPayments } from './payment-harness.ts';

let h: ChatHarness;
let f: Fixture;
let stripe: FakeStripe;
let deps: ChatDeps;

beforeAll(async () => {
  h = await createChatHarness();
  f = await createFixture(h.db.db, { service: { paymentMode: 'FULL' } });
  const started = await startChatPayments(() => NOW);
  stripe = started.stripe;
  deps = { ...h.deps, payments: started.deps() };
});
afterAll(async () => {
  await stripe.close();
});

const labels = (replies: readonly ChatMessage[]) => allButtons(replies).map((b) => b.label);

describe('a paid series', () => {
  it('holds each date until paid and lists a Pay button for each', async () => {
    const user = chatUser('series-payer', 'Pat', { timezone: 'Europe/Berlin' });
    const preview = await sendAt(deps, user, text('session every tuesday at 10 for 2 weeks'), NOW);
    expect(textOf(preview)).toContain('2 times, Session with Test Provider:');
    const bookAll = allButtons(preview).find((b) => b.label === 'Book all 2');
    if (!bookAll) throw new Error('no Book all 2');
    const held = await sendAt(deps, user, action(bookAll.data), NOW);
    expect(textOf(held)).toMatch(/^Held 2 of 2: Session with Test Provider, every Tuesday/);
    expect(textOf(held)).toContain(
      'Each is held until paid: /mybookings has a Pay button for each.',
    );
    expect(labels(held)).toEqual(['My bookings']);
    const rows = await h.db.db
      .select()
      .from(appointments)
      .where(eq(appointments.serviceId, f.serviceId));
    expect(rows.map((r) => r.status)).toEqual(['AWAITING_PAYMENT', 'AWAITING_PAYMENT']);

    const list = await sendAt(deps, user, command('mybookings'), NOW);
    expect(textOf(list)).toMatch(/\(waiting for payment: €50\.00 by [0-9:]+; weekly, 1 of 2\)/);
    expect(labels(list)).toEqual(
      expect.arrayContaining(['Pay 1', 'Cancel 1', 'Cancel series 1', 'Pay 2']),
    );
  });
});
