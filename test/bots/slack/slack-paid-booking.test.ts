// Paid bookings on Slack: Bolt against the fake Web API, the engine paying through the Stripe
// fake; the Pay link is a Block Kit url button whose click Slack still reports, and the bot ignores.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { blockActionsPayload, interactionBody } from '../../fakes/slack-requests.ts';
import { expectWayOn } from '../../support/transcripts.ts';
import {
  PAID_NOW,
  type PaidUser,
  type PaidWorld,
  startPaidWorld,
  walkChangedMind,
  walkLapsedPay,
  walkPaidBooking,
} from '../paid-walks.ts';
import { click } from './slack-conversation.ts';
import { createSlackHarness, FORM, type SlackHarness } from './slack-harness.ts';
import { screenOf, slackPayer } from './slack-payer.ts';
import { expectSlackClean } from './slack-transcript-user.ts';

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
afterEach(() => expectSlackClean(harness));

/**
 * Books at `hour` and clicks Confirm; after `meanwhile`, clicks Confirm on the same (since
 * replaced) message again, as a double click or a lagging client does; what that second click showed.
 */
async function confirmTwice(hour: number, meanwhile: (payer: PaidUser) => unknown) {
  w.clock.now = PAID_NOW;
  const payer = slackPayer(harness);
  await payer.say(`/book session tomorrow at ${hour}:00`);
  const asked = screenOf(harness, payer.channel).at(-1);
  if (!asked) throw new Error('no confirm step');
  await payer.press(/^Confirm$/);
  await meanwhile(payer);
  const before = screenOf(harness, payer.channel).length;
  await click(harness, payer.id, asked, (b) => b.label === 'Confirm');
  return (await payer.screen()).slice(before - 1);
}

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

  it('Confirm clicked twice, the second time after the hold lapsed or was released: how it stands, and a way on', async () => {
    const late = await confirmTwice(14, () => {
      w.clock.now = new Date(PAID_NOW.getTime() + 16 * 60_000);
    });
    expectWayOn(late);
    expect(late[0]?.text).toMatch(
      /was held until 09:15 \(your time\), and that has passed, so the time was released and nothing was charged\. Send \/book/,
    );
    expect(late[0]?.buttons).toEqual(['Book again']);

    const released = await confirmTwice(15, async (payer) => {
      await payer.press(/^Release the hold$/);
    });
    expectWayOn(released);
    expect(released[0]?.text).toMatch(/\nThis booking is now cancelled\.$/);
    expect(released[0]?.buttons).toEqual(['Book again', 'My bookings']);
  });
});
