// Waitlist offers on Slack: Bolt against the fake Web API, the engine behind it; the offer DM is
// a Block Kit message in the user's DM with Book and No thanks buttons.
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { type PaidWorld, startPaidWorld } from '../paid-walks.ts';
import { seedFridayProvider, walkWaitlistOffer, walkWaitlistPass } from '../waitlist-walks.ts';
import { createSlackHarness, type SlackHarness } from './slack-harness.ts';
import { slackPayer } from './slack-payer.ts';
import { expectSlackClean } from './slack-transcript-user.ts';

let w: PaidWorld;
let harness: SlackHarness;
let cleo: string;

beforeAll(async () => {
  w = await startPaidWorld();
  cleo = await seedFridayProvider(w);
  harness = await createSlackHarness((event) => handleChatEvent(w.deps, event, w.clock.now));
  w.messenger.register('slack', harness.adapter.messenger);
});
afterAll(async () => {
  await harness.close();
  await w.stripe.close();
});
afterEach(() => expectSlackClean(harness));

describe('waitlist offers on Slack', () => {
  it('a time opens: the offer DM reaches the next in line, whose Book books it', async () => {
    await walkWaitlistOffer(w, cleo, slackPayer(harness), slackPayer(harness));
  });

  it('No thanks passes the time to the next in line, who books it', async () => {
    const [a, b, c] = [slackPayer(harness), slackPayer(harness), slackPayer(harness)];
    await walkWaitlistPass(w, cleo, { a, b, c });
  });
});
