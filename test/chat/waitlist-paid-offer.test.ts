// A waitlist offer of a paid service: Book holds the time and asks for payment, as /book does.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatUser } from '../../src/chat/chat-types.ts';
import { waitlistOfferMessage } from '../../src/chat/waitlist-offer-message.ts';
import { availability } from '../../src/db/schema/availability.ts';
import { providers, services } from '../../src/db/schema/providers.ts';
import { translatorFor } from '../../src/i18n/translator.ts';
import { offerFreedSlots } from '../../src/waitlist/offer-freed-slots.ts';
import { readOfferView } from '../../src/waitlist/read-offer-view.ts';
import type { FakeStripe } from '../fakes/stripe-api.ts';
import {
  action,
  buttonData,
  type ChatHarness,
  chatUser,
  command,
  createChatHarness,
  NOW,
  say,
  text,
  textOf,
} from './chat-harness.ts';
import { startChatPayments } from './payment-harness.ts';

let h: ChatHarness;
let stripe: FakeStripe;
let cleo: string;
let now = NOW;

/** Cleo Park works Fridays 11:00-12:00: one €50.00 Facial, paid in full when booked. */
beforeAll(async () => {
  const base = await createChatHarness();
  const started = await startChatPayments(() => now);
  stripe = started.stripe;
  const nudge = async () => {};
  h = {
    ...base,
    deps: { ...base.deps, payments: started.deps(), waitlist: { offerMinutes: 10, nudge } },
  };
  const [p] = await h.db.db
    .insert(providers)
    .values({ name: 'Cleo Park', type: 'THERAPIST', timezone: 'Europe/Berlin' })
    .returning();
  if (!p) throw new Error('no provider');
  cleo = p.id;
  await h.db.db.insert(services).values({
    providerId: cleo,
    name: 'Facial',
    durationMinutes: 60,
    price: 5000,
    currency: 'EUR',
    paymentMode: 'FULL',
  });
  await h.db.db
    .insert(availability)
    .values({ providerId: cleo, dayOfWeek: 4, startTime: '11:00', endTime: '12:00' });
});
afterAll(() => stripe.close());

const berliner = (id: string): ChatUser =>
  chatUser(id, `Client ${id}`, { platform: 'web', timezone: 'Europe/Berlin' });

describe('a paid waitlist offer', () => {
  it('Book holds the time and shows the Pay link, as a booking does', async () => {
    const first = berliner('po-1');
    const second = berliner('po-2');
    const times = await say(h, first, command('book', 'facial friday'), now);
    const summary = await say(h, first, action(buttonData(times, '11:00')), now);
    const held = await say(h, first, action(buttonData(summary, 'Confirm')), now);
    expect(textOf(held)).toContain('Held for you: Facial with Cleo Park');
    now = new Date(NOW.getTime() + 60_000);
    const joined = await say(h, second, text('tell me if something opens on friday'), now);
    expect(textOf(joined)).toContain(
      "You're on the waitlist for Facial with Cleo Park on Fri 4 Dec.",
    );
    now = new Date(NOW.getTime() + 2 * 60_000);
    const released = await say(h, first, action(buttonData(held, 'Release the hold')), now);
    expect(textOf(released)).toContain('Released: Facial with Cleo Park');
    const [offer] = await offerFreedSlots(h.db.db, { providerId: cleo, offerMinutes: 10 }, now);
    if (!offer) throw new Error('nothing offered');
    const view = await readOfferView(h.db.db, offer.id);
    if (!view) throw new Error('no offer view');
    const dm = waitlistOfferMessage(translatorFor('en'), view);
    const booked = await say(h, second, action(buttonData([dm], 'Book')), now);
    expect(textOf(booked)).toContain('Held for you: Facial with Cleo Park');
    expect(textOf(booked)).toContain('To book it, pay €50.00 by');
    expect(booked[0]?.link?.label).toBe('Pay €50.00');
    expect(booked[0]?.buttons.flat().map((b) => b.label)).toEqual(['Release the hold']);
  });
});
