// German plain words in a conversation over the real database: a German reader (the platform's
// locale hint 'de') typing "Termin morgen um 10" reaches the booking flow with the day and time
// kept, and books it; words the bot cannot place get the German answer.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ChatUser } from '../../src/chat/chat-types.ts';
import { appointments } from '../../src/db/schema/appointments.ts';
import { services } from '../../src/db/schema/providers.ts';
import { translatorFor } from '../../src/i18n/translator.ts';
import {
  action,
  allButtons,
  buttonData,
  type Catalog,
  type ChatHarness,
  chatUser,
  createChatHarness,
  expectWithinLimits,
  say,
  seedCatalog,
  text,
} from './chat-harness.ts';

let h: ChatHarness;
let c: Catalog;
const DE = translatorFor('de');

beforeAll(async () => {
  h = await createChatHarness();
  c = await seedCatalog(h);
});

/** A client in Berlin whose platform says German. */
function germanUser(id: string): ChatUser {
  return { ...chatUser(id, `Kunde ${id}`, { timezone: 'Europe/Berlin' }), locale: 'de' };
}

async function typed(user: ChatUser, words: string): Promise<ChatMessage[]> {
  const replies = await say(h, user, text(words));
  expectWithinLimits(replies);
  return replies;
}

/** The primary button's data (Confirm on a summary), failing when there is none. */
function primaryData(messages: readonly ChatMessage[]): string {
  const primary = allButtons(messages).find((b) => b.style === 'primary');
  expect(primary, JSON.stringify(messages.map((m) => m.text))).toBeDefined();
  return primary?.data ?? '';
}

describe('German plain words', () => {
  it('"Termin morgen um 10" starts the booking flow and books tomorrow at 10:00', async () => {
    const user = germanUser('g1');
    const who = await typed(user, 'Termin morgen um 10');
    const what = await say(h, user, action(buttonData(who, 'Anna Weber')));
    const summary = await say(h, user, action(buttonData(what, 'Massage')));
    await say(h, user, action(primaryData(summary)));
    const booked = await h.db.db
      .select()
      .from(appointments)
      .where(eq(appointments.serviceId, c.massage));
    // 10:00 in Berlin on Tuesday 1 December is 09:00 UTC.
    expect(booked.map((a) => a.startTime.toISOString())).toContain('2026-12-01T09:00:00.000Z');
  });

  it('"Massage bei Anna übermorgen um 11" goes straight to the summary', async () => {
    const user = germanUser('g2');
    const summary = await typed(user, 'Massage bei Anna übermorgen um 11');
    await say(h, user, action(primaryData(summary)));
    const booked = await h.db.db
      .select()
      .from(appointments)
      .where(eq(appointments.serviceId, c.massage));
    expect(booked.map((a) => a.startTime.toISOString())).toContain('2026-12-02T10:00:00.000Z');
  });

  it('answers words it cannot place in German', async () => {
    const replies = await typed(germanUser('g3'), 'blablub');
    expect(replies[0]?.text).toContain(DE.t('words.notUnderstood', { words: 'blablub' }));
    expect(allButtons(replies).map((b) => b.label)).toContain(DE.t('words.buttonMyBookings'));
  });

  it('reads English from a German reader too', async () => {
    const user = germanUser('g4');
    const summary = await typed(user, 'book a massage with anna tomorrow at 14:00');
    await say(h, user, action(primaryData(summary)));
    const booked = await h.db.db
      .select()
      .from(appointments)
      .where(eq(appointments.serviceId, c.massage));
    expect(booked.map((a) => a.startTime.toISOString())).toContain('2026-12-01T13:00:00.000Z');
  });
});

// The harness's own seed has no German words; a service named in German is found as any name.
describe('German service names', () => {
  it('finds a service named in German', async () => {
    await h.db.db.insert(services).values({
      providerId: c.anna,
      name: 'Beratung',
      durationMinutes: 30,
      price: 0,
      currency: 'EUR',
    });
    const user = germanUser('g5');
    const summary = await typed(user, 'Beratung morgen um 15 Uhr');
    await say(h, user, action(primaryData(summary)));
    const booked = await h.db.db.select().from(appointments);
    expect(booked.map((a) => a.startTime.toISOString())).toContain('2026-12-01T14:00:00.000Z');
  });
});
