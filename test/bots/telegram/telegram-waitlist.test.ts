// Waitlist offers on Telegram: grammY against the fake Bot API (webhook mode), the engine behind
// it; the offer DM is a message with Book and No thanks inline buttons, answered in place.
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { type PaidShown, type PaidUser, type PaidWorld, startPaidWorld } from '../paid-walks.ts';
import { seedFridayProvider, walkWaitlistOffer, walkWaitlistPass } from '../waitlist-walks.ts';
import { expectAllCallsAccepted, person } from './engine-harness.ts';
import { converse } from './telegram-conversation.ts';
import { startWebhookHarness, type WebhookHarness } from './telegram-harness.ts';

let w: PaidWorld;
let h: WebhookHarness;
let cleo: string;
let nextId = 31_000;

beforeAll(async () => {
  w = await startPaidWorld();
  cleo = await seedFridayProvider(w);
  h = await startWebhookHarness((event) => handleChatEvent(w.deps, event, w.clock.now));
  w.messenger.register('telegram', h.adapter.messenger);
});
afterAll(async () => {
  await h.close();
  await w.stripe.close();
});
afterEach(() => expectAllCallsAccepted(h));

/** A Telegram user (no time zone told: the engine asks); each step shows what it sent or edited. */
function telegramUser(): PaidUser {
  nextId += 1;
  const chat = converse(h, person(nextId, `Client ${nextId}`));
  const screen = (): PaidShown[] =>
    chat.shown().map((m) => ({ text: m.text, buttons: m.buttons.map((b) => b.text), link: null }));
  const answered = async (act: Promise<void>): Promise<PaidShown[]> => {
    const before = new Map(chat.shown().map((m) => [m.messageId, JSON.stringify(m)]));
    await act;
    return chat
      .shown()
      .filter((m) => before.get(m.messageId) !== JSON.stringify(m))
      .map((m) => ({ text: m.text, buttons: m.buttons.map((b) => b.text), link: null }));
  };
  return {
    say: (text) => answered(chat.say(text)),
    press: (label) => answered(chat.press(label)),
    screen: async () => screen(),
  };
}

describe('waitlist offers on Telegram', () => {
  it('a time opens: the offer DM reaches the next in line, whose Book books it', async () => {
    await walkWaitlistOffer(w, cleo, telegramUser(), telegramUser());
  });

  it('No thanks passes the time to the next in line, who books it', async () => {
    await walkWaitlistPass(w, cleo, { a: telegramUser(), b: telegramUser(), c: telegramUser() });
  });
});
