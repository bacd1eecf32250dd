// Paid bookings on Slack: Bolt against the fake Web API, the engine paying through the Stripe
// fake; the Pay link is a Block Kit url button whose click Slack still reports, and the bot ignores.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { blockActionsPayload, interactionBody } from '../../fakes/slack-requests.ts';
import {
  type PaidWorld,
  startPaidWorld,
  walkChangedMind,
  walkLapsedPay,
  walkPaidBooking,
} from '../paid-walks.ts';
import { createSlackHarness, FORM, type SlackHarness } from './slack-harness.ts';
import { screenOf, slackPayer } from './slack-payer.ts';

let w: PaidWorld;
let harness: SlackHarness;

beforeAll(async () => {
  w = await startPaidWorld();
  harness = await createSlackHarness((event) => handleChatEvent(w.deps, event, w.clock.now));
  w.messenger.register('slack', harness.adapter.messenger);
});
afterAll(async () => {
  await harness.close();
  await w.stripe.close();
});
afterEach(() => {
  // Every call the adapter made was accepted by the fake, and the adapter logged no error.
  const refused = harness.api.calls.filter((c) => c.result?.ok !== true);
  expect(refused.map((c) => [c.method, c.result])).toEqual([]);
  expect(harness.logs.filter((e) => e.level === 'error')).toEqual([]);
});

describe('paid bookings on Slack', () => {
  it('book, pay by the link, see it confirmed in /mybookings', async () => {
    await walkPaidBooking(w, slackPayer(harness), 10);
  });

  it('opening the Pay link sends a valueless action: acknowledged, nothing said, nothing run', async () => {
    const payer = slackPayer(harness);
    await payer.say('/book session tomorrow at 13:00');
    await payer.press(/^Confirm$/);
    const held = screenOf(harness, payer.channel).at(-1);
    if (!held?.link) throw new Error('no Pay link shown');
    const before = harness.api.calls.length;
    const payload = blockActionsPayload({
      userId: payer.id,
      value: 'unused',
      actionTs: '1700009999.000001',
      triggerId: 'open-link',
      channel: payer.channel,
      messageTs: held.ts,
    });
    // What Slack sends for a url button: its action_id and url, no value.
    payload.actions = [
      {
        type: 'button',
        action_id: 'link',
        block_id: 'b1',
        text: { type: 'plain_text', text: held.link.label },
        url: held.link.url,
        action_ts: '1700009999.000001',
      },
    ];
    expect((await harness.send(interactionBody(payload), FORM)).status).toBe(200);
    await harness.adapter.idle();
    expect(harness.api.calls.slice(before)).toEqual([]);
    expect(screenOf(harness, payer.channel).at(-1)).toEqual(held);
  });

  it('changing their mind: Release the hold, Released, the time free for the next person', async () => {
    await walkChangedMind(w, slackPayer(harness), slackPayer(harness), 11);
  });

  it('a Pay button after the hold lapsed says the time was released and offers /book', async () => {
    await walkLapsedPay(w, slackPayer(harness), 12);
  });
});
