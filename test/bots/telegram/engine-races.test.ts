// End to end with the real engine and database: a provider's decline, a race for one slot, old buttons.
import { and, eq } from 'drizzle-orm';
import type { User } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments } from '../../../src/db/schema/appointments.ts';
import { addService, createFixture, type Fixture } from '../../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  appointmentsOf,
  expectAllCallsAccepted,
  linkAndRequestConsultation,
  person,
  startEngineHarness,
} from './engine-harness.ts';
import { type Conversation, converse } from './telegram-conversation.ts';
import type { WebhookHarness } from './telegram-harness.ts';

let t: TestDatabase;
let h: WebhookHarness;
let f: Fixture;
let consultationId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  f = await createFixture(t.db);
  consultationId = await addService(t.db, f.providerId, {
    name: 'Consultation',
    requiresApproval: true,
  });
  h = await startEngineHarness(t.db);
});
afterAll(() => h.close());

/** Every appointment of the fixture's provider starting at `iso`, cancelled ones included. */
const atStart = (iso: string) =>
  t.db
    .select()
    .from(appointments)
    .where(
      and(eq(appointments.providerId, f.providerId), eq(appointments.startTime, new Date(iso))),
    );

/** The newest bot message in `chat` with a button labelled `label`, and that button's data. */
function buttonOn(chat: Conversation, label: string): { messageId: number; data: string } {
  for (const message of chat.shown().reverse()) {
    const found = message.buttons.find((b) => b.text === label);
    if (found) return { messageId: message.messageId, data: found.data };
  }
  throw new Error(`no ${label} button in: ${JSON.stringify(chat.shown().at(-1))}`);
}

/** A new Berlin client walks /book by buttons to the confirm step of the Session at `day`, `time`. */
async function toConfirm(chat: Conversation, day: RegExp, time: RegExp): Promise<void> {
  await chat.say('/book');
  await chat.press(/^Berlin$/);
  await chat.press(/^Session/);
  await chat.press(day);
  await chat.press(time);
  expect(chat.lastText()).toMatch(/^Please confirm/);
  expect(chat.lastButtons()).toContain('Confirm');
}

describe('telegram with the conversation engine: declines and races', () => {
  it('a linked provider declines a request: edited in place, client told, cancelled by provider', async () => {
    const pat = person(801, 'Pat');
    const gina = person(802, 'Gina');
    const provider = converse(h, pat);
    const client = converse(h, gina);

    const pending = await linkAndRequestConsultation(t.db, f.providerId, provider, client, gina);
    expect(pending?.serviceId).toBe(consultationId);

    const request = provider.shown().at(-1);
    expect(request?.text).toMatch(/^Booking request from Gina\nConsultation/);
    expect(request?.buttons.map((b) => b.text)).toEqual(['Approve', 'Decline']);
    const messagesBefore = provider.shown().length;
    const clientMessagesBefore = client.shown().length;
    const edits = h.fake.callsTo('editMessageText').length;
    const answers = h.fake.callsTo('answerCallbackQuery').length;

    await provider.press(/^Decline$/);

    // The request message itself now shows the outcome, without buttons; nothing new in Pat's chat.
    expect(provider.shown()).toHaveLength(messagesBefore);
    const edited = h.fake.message(request?.messageId ?? -1);
    expect(edited?.text).toBe(`${request?.text}\n\nDeclined by Pat.`);
    expect(edited?.replyMarkup?.inline_keyboard ?? []).toEqual([]);
    const edit = h.fake.callsTo('editMessageText').slice(edits);
    expect(edit.map((c) => [c.payload.chat_id, c.payload.message_id])).toEqual([
      [pat.id, request?.messageId],
    ]);
    expect(
      h.fake
        .callsTo('answerCallbackQuery')
        .slice(answers)
        .map((c) => c.reply.ok),
    ).toEqual([true]);

    // Gina is told in her own chat, in one new message, and nothing of it reaches Pat's.
    expect(client.shown()).toHaveLength(clientMessagesBefore + 1);
    expect(client.lastText()).toMatch(
      /^Test Provider declined your request for Consultation on Tue 1 Dec 2026, 10:00/,
    );
    expect(client.lastText()).toMatch(/Send \/book to pick another time\.$/);
    expect(provider.shown().some((m) => m.text.includes('declined your request'))).toBe(false);

    expect(await appointmentsOf(t.db, gina)).toEqual([]);
    const [declined] = await atStart('2026-12-01T09:00:00.000Z');
    expect(declined?.id).toBe(pending?.id);
    expect(declined?.status).toBe('CANCELLED');
    expect(declined?.cancelledBy).toBe('PROVIDER');
    expect(declined?.cancelledAt).toBeInstanceOf(Date);
    expect(declined?.refundStatus).toBe('REFUND_DUE');
    expectAllCallsAccepted(h);
  });

  it('two users press Confirm for the same slot at once: one booking, the other gets fresh times', async () => {
    const hana = person(811, 'Hana');
    const ivan = person(812, 'Ivan');
    const chats = new Map<User, Conversation>([
      [hana, converse(h, hana)],
      [ivan, converse(h, ivan)],
    ]);
    for (const chat of chats.values()) await toConfirm(chat, /^Wed 2 Dec$/, /^10:00$/);

    const presses = [...chats].map(([user, chat]) => {
      const confirm = buttonOn(chat, 'Confirm');
      return h.fake.callbackUpdate(user, confirm.data, confirm.messageId);
    });
    const answers = h.fake.callsTo('answerCallbackQuery').length;
    const statuses = await Promise.all(presses.map(async (u) => (await h.deliver(u)).status));
    expect(statuses).toEqual([200, 200]);
    expect(
      h.fake
        .callsTo('answerCallbackQuery')
        .slice(answers)
        .map((c) => c.reply.ok),
    ).toEqual([true, true]);

    const live = (await atStart('2026-12-02T09:00:00.000Z')).filter(
      (a) => a.status !== 'CANCELLED',
    );
    expect(live.map((a) => a.status)).toEqual(['CONFIRMED']);
    const booked = await Promise.all([hana, ivan].map((u) => appointmentsOf(t.db, u)));
    expect(booked.map((b) => b.length).sort()).toEqual([0, 1]);
    const [winner, loser] = booked[0]?.length === 1 ? [hana, ivan] : [ivan, hana];
    const won = chats.get(winner);
    const lost = chats.get(loser);
    if (!won || !lost) throw new Error('lost a conversation');

    expect(won.lastText()).toMatch(/^Booked: Session with Test Provider\nWed 2 Dec 2026, 10:00/);
    expect(lost.lastText()).toMatch(
      /^Someone was faster and has just taken that time\. These times are still free:/,
    );
    expect(lost.lastButtons()).toEqual(expect.arrayContaining(['09:00', '11:00']));
    expect(lost.lastButtons()).not.toContain('10:00');
    expect(lost.lastButtons()).not.toContain('Confirm');

    // The fresh times are live buttons of the loser's flow: one of them books.
    await lost.press(/^11:00$/);
    await lost.press(/^Confirm$/);
    expect(lost.lastText()).toMatch(/^Booked: Session with Test Provider\nWed 2 Dec 2026, 11:00/);
    expect((await appointmentsOf(t.db, loser)).map((a) => a.startTime.toISOString())).toEqual([
      '2026-12-02T10:00:00.000Z',
    ]);
    expect(await atStart('2026-12-02T09:00:00.000Z')).toHaveLength(1);
    expectAllCallsAccepted(h);
  });

  it('a button from a flow replaced by a newer /book is answered with a fresh menu, nothing booked', async () => {
    const jan = person(821, 'Jan');
    const chat = converse(h, jan);
    await toConfirm(chat, /^Thu 3 Dec$/, /^14:00$/);
    const old = buttonOn(chat, 'Confirm');
    const oldText = chat.lastText();

    // A newer /book starts a new flow in a new message and reaches its own confirm step; the old
    // message keeps its Confirm button, whose step and index fit the newer flow all but the nonce.
    await chat.say('/book session');
    const newer = chat.shown().at(-1);
    expect(newer?.messageId).not.toBe(old.messageId);
    await chat.press(/^Thu 3 Dec$/);
    await chat.press(/^15:00$/);
    expect(chat.lastText()).toMatch(/^Please confirm/);
    expect(buttonOn(chat, 'Confirm').data).not.toBe(old.data);
    expect(h.fake.message(old.messageId)?.text).toBe(oldText);

    const press = h.fake.callbackUpdate(jan, old.data, old.messageId);
    const queryId = press.callback_query?.id;
    expect((await h.deliver(press)).status).toBe(200);

    const answered = h.fake
      .callsTo('answerCallbackQuery')
      .filter((c) => c.payload.callback_query_id === queryId);
    expect(answered.map((c) => c.reply.ok)).toEqual([true]);
    const pressed = h.fake.message(old.messageId);
    expect(pressed?.text).toMatch(/^That menu has expired — here is a fresh one\./);
    const fresh = (pressed?.replyMarkup?.inline_keyboard ?? []).flat().map((b) => b.text);
    expect(fresh).toEqual(expect.arrayContaining(['Session', 'Cancel']));
    expect(fresh).not.toContain('Confirm');

    expect(await appointmentsOf(t.db, jan)).toEqual([]);
    expect(await atStart('2026-12-03T13:00:00.000Z')).toEqual([]);
    expect(await atStart('2026-12-03T14:00:00.000Z')).toEqual([]);
    expectAllCallsAccepted(h);
  });
});
