// Waitlist offers walked through an adapter: one client books the last Friday-morning time,
// another asks to be told if something opens, the first cancels, the offer job runs and its DM
// reaches the second, whose Book books it; and a walk where the second passes and a third gets it.
// Each adapter's test drives these through its own SDK and fake platform (the paid walks' users).

import { expect } from 'vitest';
import { clientAddresses } from '../../src/chat/chat-identity.ts';
import { waitlistOfferMessage } from '../../src/chat/waitlist-offer-message.ts';
import { availability } from '../../src/db/schema/availability.ts';
import { providers, services } from '../../src/db/schema/providers.ts';
import { translatorFor } from '../../src/i18n/translator.ts';
import { offerFreedSlots } from '../../src/waitlist/offer-freed-slots.ts';
import { readOfferView } from '../../src/waitlist/read-offer-view.ts';
import { expectWayOn } from '../support/transcripts.ts';
import { PAID_NOW, type PaidShown, type PaidUser, type PaidWorld } from './paid-walks.ts';

/** Cleo Park (Berlin) works Fridays 11:00-12:00 only: one free 60-minute Facial a week. */
export async function seedFridayProvider(w: PaidWorld): Promise<string> {
  const [cleo] = await w.t.db
    .insert(providers)
    .values({ name: 'Cleo Park', type: 'THERAPIST', timezone: 'Europe/Berlin' })
    .returning();
  if (!cleo) throw new Error('no provider');
  await w.t.db.insert(services).values({
    providerId: cleo.id,
    name: 'Facial',
    durationMinutes: 60,
    price: 0,
    currency: 'EUR',
  });
  await w.t.db
    .insert(availability)
    .values({ providerId: cleo.id, dayOfWeek: 4, startTime: '11:00', endTime: '12:00' });
  return cleo.id;
}

const textOf = (shown: readonly PaidShown[]) => shown.map((m) => m.text).join('\n---\n');

/** Answers the time zone question where the platform told none (Telegram, Discord). */
async function withZone(user: PaidUser, answer: PaidShown[]): Promise<PaidShown[]> {
  if (!textOf(answer).includes('Which time zone are you in?')) return answer;
  return user.say('Berlin');
}

/** `user` books this week's Friday 11:00 Facial by words and Confirm. */
async function bookFriday(user: PaidUser, day: string): Promise<void> {
  const times = await withZone(user, await user.say('/book facial friday'));
  expect(textOf(times)).toContain(`Facial with Cleo Park on ${day}`);
  expectWayOn(await user.press(/^11:00$/));
  const booked = await user.press(/^Confirm$/);
  expectWayOn(booked);
  expect(textOf(booked)).toContain('Booked: Facial with Cleo Park');
}

/** `user` asks in words to be told when Friday morning opens; the confirmation. */
async function waitForFriday(user: PaidUser, day: string): Promise<void> {
  const asked = await withZone(
    user,
    await user.say('tell me if something opens on Friday morning'),
  );
  // The words name nobody: the bot asks who, with a button each.
  expectWayOn(asked);
  expect(textOf(asked)).toContain(`Who should I watch ${day}, morning for?`);
  const joined = await user.press(/^Cleo Park$/);
  expectWayOn(joined);
  expect(textOf(joined)).toContain(
    `You're on the waitlist for Facial with Cleo Park on ${day}, morning. I'll message you if a time opens; /waitlist shows or removes it.`,
  );
}

async function cancelOnly(user: PaidUser): Promise<void> {
  await user.say('/mybookings');
  expectWayOn(await user.press(/^Cancel 1$/));
  const cancelled = await user.press(/^Yes, cancel it$/);
  expectWayOn(cancelled);
  expect(textOf(cancelled)).toContain('Cancelled: Facial with Cleo Park');
}

/**
 * One round of the offer job as the worker does it: offerFreedSlots, then each offer's DM
 * (waitlistOfferMessage) to every chat of its client, through the adapters' messengers.
 */
export async function runOfferJob(w: PaidWorld, providerId: string): Promise<number> {
  const offers = await offerFreedSlots(w.t.db, { providerId, offerMinutes: 10 }, w.clock.now);
  for (const offer of offers) {
    const view = await readOfferView(w.t.db, offer.id);
    if (!view) throw new Error('an offer without a view');
    for (const address of await clientAddresses(w.t.db, view.clientId)) {
      await w.messenger.send(address, waitlistOfferMessage(translatorFor('en'), view));
    }
  }
  return offers.length;
}

/** The newest message on `user`'s screen: the offer DM, with Book and No thanks. */
async function expectOffer(user: PaidUser, when: string): Promise<void> {
  const dm = (await user.screen()).at(-1);
  expect(dm?.text).toContain(`Good news: ${when} with Cleo Park (Facial, 60 min) just opened.`);
  expect(dm?.text).toContain('It is kept for you until');
  expect(dm?.buttons).toEqual(['Book', 'No thanks']);
  if (dm) expectWayOn([dm]);
}

const minutesAfter = (start: Date, n: number) => new Date(start.getTime() + n * 60_000);

/**
 * A books the last Friday-morning time, B asks to be told, A cancels, the offer job DMs B, and
 * B's Book books it; /waitlist then has nothing left, and a second Book says it is booked.
 */
export async function walkWaitlistOffer(
  w: PaidWorld,
  providerId: string,
  a: PaidUser,
  b: PaidUser,
): Promise<void> {
  w.clock.now = PAID_NOW;
  await bookFriday(a, 'Fri 4 Dec 2026');
  w.clock.now = minutesAfter(PAID_NOW, 1);
  await waitForFriday(b, 'Fri 4 Dec');
  w.clock.now = minutesAfter(PAID_NOW, 5);
  await cancelOnly(a);
  expect(await runOfferJob(w, providerId)).toBe(1);
  await expectOffer(b, 'Fri 4 Dec 11:00');
  w.clock.now = minutesAfter(PAID_NOW, 7);
  const booked = await b.press(/^Book$/);
  expectWayOn(booked);
  expect(textOf(booked)).toContain('Booked: Facial with Cleo Park');
  const listed = await b.say('/waitlist');
  expectWayOn(listed);
  expect(textOf(listed)).toContain("You're not waiting for anything. /book");
}

/**
 * The next week: A books, B then C ask to be told, A cancels; B gets the offer and passes, the
 * job offers it to C, whose Book books it; B's Book on the passed offer answers plainly.
 */
export async function walkWaitlistPass(
  w: PaidWorld,
  providerId: string,
  users: { a: PaidUser; b: PaidUser; c: PaidUser },
): Promise<void> {
  const { a, b, c } = users;
  const monday = minutesAfter(PAID_NOW, 7 * 24 * 60);
  w.clock.now = monday;
  await bookFriday(a, 'Fri 11 Dec 2026');
  w.clock.now = minutesAfter(monday, 1);
  await waitForFriday(b, 'Fri 11 Dec');
  w.clock.now = minutesAfter(monday, 2);
  await waitForFriday(c, 'Fri 11 Dec');
  w.clock.now = minutesAfter(monday, 5);
  await cancelOnly(a);
  expect(await runOfferJob(w, providerId)).toBe(1);
  await expectOffer(b, 'Fri 11 Dec 11:00');
  const passed = await b.press(/^No thanks$/);
  expectWayOn(passed);
  expect(textOf(passed)).toBe(
    "OK, I'll offer it to the next person. You're still on the waitlist for Facial with Cleo Park, Fri 11 Dec, morning.",
  );
  expect(await runOfferJob(w, providerId)).toBe(1);
  await expectOffer(c, 'Fri 11 Dec 11:00');
  const booked = await c.press(/^Book$/);
  expectWayOn(booked);
  expect(textOf(booked)).toContain('Booked: Facial with Cleo Park');
  // Where the pass reply did not replace the offer (the web chat appends), its Book is still
  // there to press late: it answers plainly. Elsewhere the offer's buttons are gone.
  const stillShown = (await b.screen()).some((m) => m.buttons.includes('Book'));
  if (stillShown) {
    const late = await b.press(/^Book$/);
    expectWayOn(late);
    expect(textOf(late)).toContain(
      'You said no thanks to that time, so it went to the next person.',
    );
  }
}
