// End to end with the real engine and database: booking by buttons and by words, redeliveries,
// stale buttons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture } from '../../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import {
  appointmentsOf,
  expectAllCallsAccepted,
  person,
  startEngineHarness,
} from './engine-harness.ts';
import { converse } from './telegram-conversation.ts';
import type { WebhookHarness } from './telegram-harness.ts';

let t: TestDatabase;
let h: WebhookHarness;

beforeAll(async () => {
  t = await createTestDatabase();
  await createFixture(t.db);
  h = await startEngineHarness(t.db);
});
afterAll(() => h.close());

const startsOf = async (user: ReturnType<typeof person>) =>
  (await appointmentsOf(t.db, user)).map((a) => [a.status, a.startTime.toISOString()]);

describe('telegram with the conversation engine: booking', () => {
  it('books a whole appointment by buttons, each step editing the message in place', async () => {
    const alice = person(501, 'Alice');
    const chat = converse(h, alice);
    await chat.say('/book');
    expect(chat.lastButtons()).toContain('Berlin');
    await chat.press(/^Berlin$/);
    await chat.press(/^Tue 1 Dec$/);
    await chat.press(/^10:00$/);
    expect(chat.lastText()).toMatch(/^Please confirm/);
    await chat.press(/^Confirm$/);
    expect(await startsOf(alice)).toEqual([['CONFIRMED', '2026-12-01T09:00:00.000Z']]);
    // The time zone answer, then one flow message edited from day to time to confirm to booked.
    expect(chat.shown().map((m) => m.text.split('\n')[0])).toEqual([
      "Thanks! I'll show times in your time zone, Europe/Berlin.",
      'Booked: Session with Test Provider',
    ]);
    expect(chat.lastButtons()).toEqual([]);
    expectAllCallsAccepted(h);
  });

  it('books from words typed after /book', async () => {
    const bob = person(502, 'Bob');
    const chat = converse(h, bob);
    await chat.say('/book session tomorrow at 2pm');
    // The time zone comes first; the words wait for it, then settle service, day and time.
    await chat.say('Berlin');
    // The free exact time goes straight to the confirm step for 14:00.
    expect(chat.lastText()).toMatch(
      /^Please confirm:\nSession with Test Provider\nTue 1 Dec 2026, 14:00–15:00 \(your time, Berlin\)/,
    );
    expect(chat.lastButtons()).toEqual(['Confirm', 'Repeat weekly', 'Cancel']);
    await chat.press(/^Confirm$/);
    expect(await startsOf(bob)).toEqual([['CONFIRMED', '2026-12-01T13:00:00.000Z']]);
    expectAllCallsAccepted(h);
  });

  it('lists the times from words with "after", and a listed time books', async () => {
    const bea = person(505, 'Bea');
    const chat = converse(h, bea);
    await chat.say('/book session tomorrow after 2pm');
    await chat.say('Berlin');
    expect(chat.lastText()).toMatch(/^Session with Test Provider on Tue 1 Dec 2026/);
    // Times from 14:00 on; Bob holds 14:00 by now, so the list opens at 15:00.
    const times = chat.lastButtons().filter((b) => /^\d\d:\d\d$/.test(b));
    expect(times).toEqual(['15:00', '16:00']);
    await chat.press(/^15:00$/);
    expect(chat.lastText()).toContain('Tue 1 Dec 2026, 15:00');
    await chat.press(/^Confirm$/);
    expect(await startsOf(bea)).toEqual([['CONFIRMED', '2026-12-01T14:00:00.000Z']]);
    expectAllCallsAccepted(h);
  });

  it('books once when Telegram delivers the same confirm press twice', async () => {
    const carol = person(503, 'Carol');
    const chat = converse(h, carol);
    await chat.say('/book');
    await chat.press(/^Berlin$/);
    await chat.press(/^Wed 2 Dec$/);
    await chat.press(/^09:00$/);
    const flow = chat.shown().at(-1);
    const confirm = flow?.buttons.find((b) => b.text === 'Confirm');
    if (!flow || !confirm) throw new Error('no Confirm button');
    const press = h.fake.callbackUpdate(carol, confirm.data, flow.messageId);
    expect((await h.deliver(press)).status).toBe(200);
    const sent = h.fake.callsTo('sendMessage').length + h.fake.callsTo('editMessageText').length;
    expect((await h.deliver(press)).status).toBe(200);
    expect(h.fake.callsTo('sendMessage').length + h.fake.callsTo('editMessageText').length).toBe(
      sent,
    );
    expect(await startsOf(carol)).toEqual([['CONFIRMED', '2026-12-02T08:00:00.000Z']]);
    expect(chat.lastText()).toMatch(/^Booked:/);
  });

  it('answers a stale or unknown button politely with a fresh menu', async () => {
    const dave = person(504, 'Dave');
    const chat = converse(h, dave);
    await chat.say('/book');
    await chat.press(/^Berlin$/);
    for (const data of [
      'zzzzzzzz:dy:0',
      'not-ours',
      `ap:${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`,
    ]) {
      const answers = h.fake.callsTo('answerCallbackQuery').length;
      await chat.pressData(data);
      expect(h.fake.callsTo('answerCallbackQuery').length).toBe(answers + 1);
      expect(h.fake.callsTo('answerCallbackQuery').at(-1)?.reply.ok).toBe(true);
      expect(chat.lastText()).toMatch(/expired|Only the provider/);
    }
    expect(chat.lastText()).toMatch(/^Only the provider/);
    await chat.pressData('qqqqqqqq:tm:3');
    expect(chat.lastText()).toMatch(/^That menu has expired/);
    expect(chat.lastButtons()).toContain('Tue 1 Dec');
    expect(await startsOf(dave)).toEqual([]);
    expectAllCallsAccepted(h);
  });
});
