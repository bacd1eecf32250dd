// Waitlist offers in chat on a real database: the offer DM's Book books the freed time, No thanks
// hands it to the next in line, and stale, double, foreign and ended presses answer plainly;
// a German reader is answered in German.

import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { cancelAppointment } from '../../src/booking/cancel-appointment.ts';
import type { ChatMessage, ChatUser } from '../../src/chat/chat-types.ts';
import { waitlistOfferMessage } from '../../src/chat/waitlist-offer-message.ts';
import { appointments } from '../../src/db/schema/appointments.ts';
import { availability } from '../../src/db/schema/availability.ts';
import { providers, services } from '../../src/db/schema/providers.ts';
import { waitlistEntries } from '../../src/db/schema/waitlist.ts';
import { translatorFor } from '../../src/i18n/translator.ts';
import { offerFreedSlots } from '../../src/waitlist/offer-freed-slots.ts';
import { readOfferView } from '../../src/waitlist/read-offer-view.ts';
import {
  action,
  buttonData,
  type ChatHarness,
  chatUser,
  command,
  createChatHarness,
  expectWithinLimits,
  NOW,
  say,
  text,
  textOf,
} from './chat-harness.ts';

let h: ChatHarness;
let cleo: string;
let nudged: string[];
let first: ChatUser;
let second: ChatUser;
let third: ChatUser;

function berliner(id: string): ChatUser {
  return chatUser(id, `Client ${id}`, { timezone: 'Europe/Berlin' });
}

function later(minutes: number): Date {
  return new Date(NOW.getTime() + minutes * 60_000);
}

function expectWayOn(replies: readonly ChatMessage[]): void {
  expectWithinLimits(replies);
  const last = replies.at(-1);
  const onward = (last?.buttons.length ?? 0) > 0 || /\/[a-z]+/.test(last?.text ?? '');
  expect(onward, `no way on in ${JSON.stringify(last?.text)}`).toBe(true);
}

/**
 * A fresh database each test: Cleo Park works Fridays 11:00-12:00 (one Facial); the first client
 * books it, the second and third (in that order) ask to be told if Friday morning opens.
 */
beforeEach(async () => {
  const base = await createChatHarness();
  nudged = [];
  const nudge = async (providerId: string) => {
    nudged.push(providerId);
  };
  h = { ...base, deps: { ...base.deps, waitlist: { offerMinutes: 10, nudge } } };
  const db = h.db.db;
  const [p] = await db
    .insert(providers)
    .values({ name: 'Cleo Park', type: 'THERAPIST', timezone: 'Europe/Berlin' })
    .returning();
  if (!p) throw new Error('no provider');
  cleo = p.id;
  await db
    .insert(services)
    .values({ providerId: cleo, name: 'Facial', durationMinutes: 60, price: 0, currency: 'EUR' });
  await db
    .insert(availability)
    .values({ providerId: cleo, dayOfWeek: 4, startTime: '11:00', endTime: '12:00' });
  [first, second, third] = [berliner('of-1'), berliner('of-2'), berliner('of-3')];
  const times = await say(h, first, command('book', 'facial friday'));
  const summary = await say(h, first, action(buttonData(times, '11:00')));
  expect(textOf(await say(h, first, action(buttonData(summary, 'Confirm'))))).toMatch(/Booked/);
  const asked = await say(
    h,
    second,
    text('tell me if something opens on friday morning'),
    later(1),
  );
  expect(textOf(asked)).toContain("You're on the waitlist for Facial with Cleo Park");
  await say(h, third, text('tell me if something opens on friday morning'), later(2));
});

/** The first client cancels; the offer job runs; the DM it would send, as sent. */
async function freeAndOffer(at: Date): Promise<ChatMessage> {
  const [booked] = await h.db.db.select().from(appointments);
  if (!booked) throw new Error('no appointment');
  const cancelled = await cancelAppointment(
    h.db.db,
    { appointmentId: booked.id, by: 'CLIENT', actor: 'test', reason: null },
    at,
  );
  expect(cancelled.ok).toBe(true);
  return offerNext(at);
}

async function offerNext(at: Date): Promise<ChatMessage> {
  const [offer] = await offerFreedSlots(h.db.db, { providerId: cleo, offerMinutes: 10 }, at);
  if (!offer) throw new Error('nothing offered');
  const view = await readOfferView(h.db.db, offer.id);
  if (!view) throw new Error('no offer view');
  return waitlistOfferMessage(translatorFor('en'), view);
}

/** Every waitlist entry's status, and Cleo's confirmed appointments. */
async function standing() {
  const rows = await h.db.db.select({ status: waitlistEntries.status }).from(waitlistEntries);
  const booked = await h.db.db
    .select()
    .from(appointments)
    .where(and(eq(appointments.providerId, cleo), eq(appointments.status, 'CONFIRMED')));
  return { rows, booked };
}

describe('the offer DM', () => {
  it('Book books the freed time for the first in line', async () => {
    const dm = await freeAndOffer(later(10));
    expect(dm.text).toContain('Good news: Fri 4 Dec 11:00 with Cleo Park');
    const booked = await say(h, second, action(buttonData([dm], 'Book')), later(12));
    expectWayOn(booked);
    expect(textOf(booked)).toContain('Booked: Facial with Cleo Park');
    const again = await say(h, second, action(buttonData([dm], 'Book')), later(13));
    expect(textOf(again)).toContain('You already booked this time.');
    expectWayOn(again);
    const { rows, booked: confirmed } = await standing();
    expect(confirmed).toHaveLength(1);
    expect(rows.map((r) => r.status).sort()).toEqual(['BOOKED', 'WAITING']);
  });

  it('No thanks passes it on: the next in line gets it and books it', async () => {
    const dm = await freeAndOffer(later(10));
    const passed = await say(h, second, action(buttonData([dm], 'No thanks')), later(11));
    expectWayOn(passed);
    expect(textOf(passed)).toBe(
      "OK, I'll offer it to the next person. You're still on the waitlist for Facial with Cleo Park, Fri 4 Dec, morning.",
    );
    expect(nudged).toEqual([cleo]);
    const next = await offerNext(later(11));
    const booked = await say(h, third, action(buttonData([next], 'Book')), later(12));
    expect(textOf(booked)).toContain('Booked: Facial with Cleo Park');
    // The pass stands: Book on the passed offer says so, with a way on.
    const late = await say(h, second, action(buttonData([dm], 'Book')), later(13));
    expectWayOn(late);
    expect(textOf(late)).toContain('You said no thanks to that time');
    const twice = await say(h, second, action(buttonData([dm], 'No thanks')), later(13));
    expect(textOf(twice)).toContain('You already said no thanks');
  });

  it('Remove on the pass reply takes them off the list', async () => {
    const dm = await freeAndOffer(later(10));
    const passed = await say(h, second, action(buttonData([dm], 'No thanks')), later(11));
    const removed = await say(h, second, action(buttonData(passed, /Remove/)), later(12));
    expectWayOn(removed);
    expect(textOf(removed)).toBe(
      "Removed: Facial with Cleo Park, Fri 4 Dec, morning.\nYou're not waiting for anything. /book",
    );
  });

  it('someone else pressing the offer is refused and nothing is booked', async () => {
    const dm = await freeAndOffer(later(10));
    const refused = await say(h, third, action(buttonData([dm], 'Book')), later(11));
    expectWayOn(refused);
    expect(textOf(refused)).toContain('That offer was sent to someone else');
    const { booked } = await standing();
    expect(booked).toHaveLength(0);
  });

  it('after the offer lapsed and another took the time: given to someone else, still waiting', async () => {
    const dm = await freeAndOffer(later(10));
    const other = berliner('of-4');
    const times = await say(h, other, command('book', 'facial friday'), later(25));
    const summary = await say(h, other, action(buttonData(times, '11:00')), later(25));
    expect(textOf(await say(h, other, action(buttonData(summary, 'Confirm')), later(25)))).toMatch(
      /Booked/,
    );
    const late = await say(h, second, action(buttonData([dm], 'Book')), later(26));
    expectWayOn(late);
    expect(textOf(late)).toContain(
      'That time was given to someone else: the offer ended at 09:20.',
    );
    expect(textOf(late)).toContain("You're still on the waitlist");
  });

  it("a German reader's presses answer in German", async () => {
    const dm = await freeAndOffer(later(10));
    const german: ChatUser = { ...second, locale: 'de' };
    const passed = await say(h, german, action(buttonData([dm], 'No thanks')), later(11));
    expectWayOn(passed);
    expect(textOf(passed)).toMatch(
      /^In Ordnung, ich biete sie der nächsten Person an\. Sie stehen weiter auf der Warteliste für Facial bei Cleo Park, Fr\., 4\. Dez\./,
    );
    expect(passed.flatMap((m) => m.buttons.flat().map((b) => b.label))).toEqual([
      'Mich von dieser Warteliste entfernen',
      'Andere Zeit buchen',
    ]);
    const late = await say(h, german, action(buttonData([dm], 'Book')), later(13));
    expect(textOf(late)).toContain('Sie haben diese Zeit abgelehnt, daher ging sie an die nächste');
    const twice = await say(h, german, action(buttonData([dm], 'No thanks')), later(13));
    expect(textOf(twice)).toContain('Sie haben diese Zeit bereits abgelehnt.');
    const foreign = await say(h, { ...third, locale: 'de' }, action(buttonData([dm], 'Book')));
    expect(textOf(foreign)).toContain('Dieses Angebot ging an jemand anderen');
  });
});
