// Words typed in a DM with the bot: mapped to text events, answered with new DM messages.
import { GatewayDispatchEvents } from 'discord.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apologyFor } from '../../../bots/discord/handle-discord-interaction.ts';
import { FAKE_APPLICATION_ID } from '../../fakes/discord-api.ts';
import { fakeBotUser, fakeDirectMessage } from '../../fakes/discord-payloads.ts';
import { BOB, type Harness, isCall, message, startHarness, stubEngine } from './discord-harness.ts';

/** The fake's interactions carry an English client locale; a DM carries none. */
const APOLOGY = apologyFor('en-US');

const DM_CHANNEL = '1120000000000000002';
const engine = stubEngine();
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(engine.handle);
});
afterAll(() => harness.close());
beforeEach(() => {
  engine.events.length = 0;
  harness.fake.rest.calls.length = 0;
});

describe('direct messages', () => {
  it('maps typed words to a text event and sends the replies as new DM messages', async () => {
    engine.reply = async () => [
      message('Saved Europe/Paris', { replace: true }),
      message('Who would you like to book?', {
        buttons: [[{ label: 'Anna', data: 'k3f9a2b7:pv:0', style: 'default' }]],
      }),
    ];
    const typed = fakeDirectMessage(BOB, DM_CHANNEL, 'Paris');
    harness.fake.gateway.dispatch(GatewayDispatchEvents.MessageCreate, typed);
    await harness.fake.rest.waitForCall(
      () =>
        harness.fake.rest.calls.filter(isCall('POST', `/channels/${DM_CHANNEL}/messages`))
          .length === 2,
    );
    expect(engine.events).toEqual([
      {
        user: {
          platform: 'discord',
          platformUserId: BOB.id,
          displayName: 'bob',
          timezone: null,
          dmAddress: null,
        },
        input: { kind: 'text', text: 'Paris' },
        updateId: typed.id,
      },
    ]);
    const posts = harness.fake.rest.calls.filter(
      isCall('POST', `/channels/${DM_CHANNEL}/messages`),
    );
    expect(posts.map((call) => call.body)).toEqual([
      expect.objectContaining({ content: 'Saved Europe/Paris', components: [] }),
      expect.objectContaining({
        content: 'Who would you like to book?',
        components: [expect.objectContaining({ type: 1 })],
      }),
    ]);
  });

  it('ignores messages from bots, its own included', async () => {
    engine.reply = async () => [message('should not be sent')];
    const own = {
      ...fakeDirectMessage(fakeBotUser(FAKE_APPLICATION_ID), DM_CHANNEL, 'Reminder: tomorrow'),
    };
    harness.fake.gateway.dispatch(GatewayDispatchEvents.MessageCreate, own);
    // A later human message proves the bot's one was processed (and skipped) before it.
    const human = fakeDirectMessage(BOB, DM_CHANNEL, 'hello');
    harness.fake.gateway.dispatch(GatewayDispatchEvents.MessageCreate, human);
    await harness.fake.rest.waitForCall(isCall('POST', `/channels/${DM_CHANNEL}/messages`));
    expect(engine.events.map((event) => event.updateId)).toEqual([human.id]);
  });

  it('apologises in the DM on an engine fault', async () => {
    engine.reply = async () => {
      throw new Error('engine fault');
    };
    harness.fake.gateway.dispatch(
      GatewayDispatchEvents.MessageCreate,
      fakeDirectMessage(BOB, DM_CHANNEL, 'my phone is 555-1234'),
    );
    const post = await harness.fake.rest.waitForCall(
      isCall('POST', `/channels/${DM_CHANNEL}/messages`),
    );
    expect(post.body).toMatchObject({ content: APOLOGY });
    expect(JSON.stringify(harness.entries)).not.toContain('555-1234');
  });
});
