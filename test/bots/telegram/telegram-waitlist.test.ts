// Waitlist offers on Telegram: grammY against the fake Bot API (webhook mode), the engine behind
// it; the offer DM is a message with Book and No thanks inline buttons, answered in place.
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { type PaidUser, type PaidWorld, startPaidWorld } from '../paid-walks.ts';
import { seedFridayProvider, walkWaitlistOffer, walkWaitlistPass } from '../waitlist-walks.ts';
import { expectAllCallsAccepted } from './engine-harness.ts';
import { startWebhookHarness, type WebhookHarness } from './telegram-harness.ts';
import { telegramWalkers } from './telegram-transcript-user.ts';

let w: PaidWorld;
let h: WebhookHarness;
let cleo: string;
let telegramUser: () => PaidUser;

beforeAll(async () => {
  w = await startPaidWorld();
  cleo = await seedFridayProvider(w);
  h = await startWebhookHarness((event) => handleChatEvent(w.deps, event, w.clock.now));
  w.messenger.register('telegram', h.adapter.messenger);
  telegramUser = telegramWalkers(h);
});
afterAll(async () => {
  await h.close();
  await w.stripe.close();
});
afterEach(() => expectAllCallsAccepted(h));

describe('waitlist offers on Telegram', () => {
  it('a time opens: the offer DM reaches the next in line, whose Book books it', async () => {
    await walkWaitlistOffer(w, cleo, telegramUser(), telegramUser());
  });

  it('No thanks passes the time to the next in line, who books it', async () => {
    await walkWaitlistPass(w, cleo, { a: telegramUser(), b: telegramUser(), c: telegramUser() });
  });
});
