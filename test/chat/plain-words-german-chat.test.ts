// German plain words in a conversation over the real database: a German reader (the platform's
// locale hint 'de') typing "Termin morgen um 10" reaches the booking flow with the day and time
// kept, and books it; words the bot cannot place get the German answer.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage, ChatUser } from '../../src/chat/chat-types.ts';
import { appointments } from '../../src/db/schema/appointments.ts';
import { chatIdentities } from '../../src/db/schema/chat.ts';
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

describe('German cancel and move by words', () => {
  /** Books a massage with Anna tomorrow at `clock` by German words and the primary button. */
  async function bookMassage(user: ChatUser, clock: string): Promise<void> {
    const summary = await typed(user, `Massage bei Anna morgen um ${clock}`);
    await say(h, user, action(primaryData(summary)));
  }

  it('"Termin absagen" asks to cancel the one upcoming appointment', async () => {
    const user = germanUser('g6');
    await bookMassage(user, '12');
    const ask = await typed(user, 'Termin absagen');
    const done = await say(h, user, action(buttonData(ask, DE.t('mybookings.yesCancel'))));
    expect(done.length).toBeGreaterThan(0);
    const left = await h.db.db
      .select()
      .from(appointments)
      .where(eq(appointments.clientId, await clientOf(user)));
    expect(left.map((a) => a.status)).toEqual(['CANCELLED']);
  });

  it('"Termin auf Freitag verschieben" moves to Friday, saying when it is now', async () => {
    const user = germanUser('g7');
    await bookMassage(user, '13');
    const replies = await typed(user, 'Termin auf Freitag verschieben');
    expect(replies[0]?.text).toMatch(/^Derzeit: /);
  });

  it('asks which one to cancel when there are several', async () => {
    const user = germanUser('g8');
    await bookMassage(user, '15');
    await bookMassage(user, '16');
    const replies = await typed(user, 'stornieren');
    expect(replies[0]?.text).toContain(DE.t('words.whichToCancel'));
  });
});

/** The client id of `user`, by their chat identity. */
async function clientOf(user: ChatUser): Promise<string> {
  const rows = await h.db.db
    .select({ clientId: chatIdentities.clientId })
    .from(chatIdentities)
    .where(eq(chatIdentities.platformUserId, user.platformUserId));
  return rows[0]?.clientId ?? '';
}

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
    const summary = await typed(user, 'Beratung übermorgen um 15 Uhr');
    await say(h, user, action(primaryData(summary)));
    const booked = await h.db.db.select().from(appointments);
    expect(booked.map((a) => a.startTime.toISOString())).toContain('2026-12-02T14:00:00.000Z');
  });
});
