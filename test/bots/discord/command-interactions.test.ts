// Slash commands through discord.js: mapping to ChatEvents, deferral, replies and fault apologies.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { apologyFor } from '../../../bots/discord/handle-discord-interaction.ts';
import { commandInteraction } from '../../fakes/discord-interactions.ts';
import {
  ALICE,
  ALICE_IN_GUILD,
  BOB,
  BOB_IN_DM,
  callbackPath,
  callsFor,
  followUpPath,
  type Harness,
  isCall,
  message,
  originalPath,
  startHarness,
  stubEngine,
} from './discord-harness.ts';

/** The fake's interactions carry an English client locale; a DM carries none. */
const APOLOGY = apologyFor('en-US');

const engine = stubEngine();
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness(engine.handle);
});
afterAll(() => harness.close());
beforeEach(() => {
  engine.events.length = 0;
  engine.reply = async () => [message('ok')];
});

describe('slash commands', () => {
  it('maps /book with its request option to a command event from the guild member', async () => {
    const interaction = commandInteraction(ALICE_IN_GUILD, 'book', {
      request: 'haircut friday 3pm',
    });
    harness.fake.deliver(interaction);
    await harness.fake.rest.waitForCall(isCall('PATCH', originalPath(interaction.token)));
    expect(engine.events).toEqual([
      {
        user: {
          platform: 'discord',
          platformUserId: ALICE.id,
          displayName: 'Alice Lovelace',
          timezone: null,
          dmAddress: null,
          locale: 'en-US',
        },
        input: { kind: 'command', command: 'book', args: 'haircut friday 3pm' },
        updateId: interaction.id,
      },
    ]);
  });

  it('maps a DM command without options to empty args and the username when no global name', async () => {
    const interaction = commandInteraction(BOB_IN_DM, 'mybookings');
    harness.fake.deliver(interaction);
    await harness.fake.rest.waitForCall(isCall('PATCH', originalPath(interaction.token)));
    expect(engine.events[0]?.user).toMatchObject({ platformUserId: BOB.id, displayName: 'bob' });
    expect(engine.events[0]?.input).toEqual({ kind: 'command', command: 'mybookings', args: '' });
  });

  it('defers ephemerally first, then edits the reply with the text and buttons', async () => {
    engine.reply = async () => [
      message('Pick a provider', {
        buttons: [[{ label: 'Dr Who', data: 'k3f9a2b7:pv:0', style: 'primary' }]],
      }),
    ];
    const interaction = commandInteraction(ALICE_IN_GUILD, 'book');
    harness.fake.deliver(interaction);
    await harness.fake.rest.waitForCall(isCall('PATCH', originalPath(interaction.token)));
    const [callback, edit, ...rest] = callsFor(harness.fake, interaction.token);
    expect(callback?.path).toBe(callbackPath(interaction.id, interaction.token));
    expect(callback?.authorization).toBeNull();
    // 5: deferred channel message with source; 64: ephemeral.
    expect(callback?.body).toEqual({ type: 5, data: { flags: 64 } });
    expect(edit?.body).toMatchObject({
      content: 'Pick a provider',
      allowed_mentions: { parse: [] },
      components: [
        {
          type: 1,
          components: [{ type: 2, custom_id: 'k3f9a2b7:pv:0', label: 'Dr Who', style: 1 }],
        },
      ],
    });
    expect(rest).toEqual([]);
  });

  it('sends further messages as ephemeral follow-ups, in order', async () => {
    engine.reply = async () => [message('first'), message('second'), message('third')];
    const interaction = commandInteraction(ALICE_IN_GUILD, 'help');
    harness.fake.deliver(interaction);
    await waitForCount(interaction.token, 'POST', followUpPath(interaction.token), 2);
    const calls = callsFor(harness.fake, interaction.token).slice(1);
    expect(calls.map((call) => [call.method, (call.body as { content: string }).content])).toEqual([
      ['PATCH', 'first'],
      ['POST', 'second'],
      ['POST', 'third'],
    ]);
    expect(calls[1]?.body).toMatchObject({ flags: 64 });
    expect(calls[1]?.query.get('wait')).toBe('true');
  });

  it('splits text over 2,000 characters across messages without losing any', async () => {
    const long = Array.from({ length: 120 }, (_, i) => `Line ${i}: ${'x'.repeat(30)}`).join('\n');
    engine.reply = async () => [message(long)];
    const interaction = commandInteraction(ALICE_IN_GUILD, 'mybookings');
    harness.fake.deliver(interaction);
    const texts = () =>
      callsFor(harness.fake, interaction.token)
        .slice(1)
        .map((call) => (call.body as { content: string }).content);
    await harness.fake.rest.waitForCall(() => texts().join('').length >= long.length);
    expect(texts().length).toBeGreaterThan(1);
    for (const text of texts()) expect(text.length).toBeLessThanOrEqual(2000);
    expect(texts().join('')).toBe(long);
  });

  it('deletes the thinking placeholder when the engine has nothing to say', async () => {
    engine.reply = async () => [];
    const interaction = commandInteraction(ALICE_IN_GUILD, 'book');
    harness.fake.deliver(interaction);
    await harness.fake.rest.waitForCall(isCall('DELETE', originalPath(interaction.token)));
    expect(callsFor(harness.fake, interaction.token).map((call) => call.method)).toEqual([
      'POST',
      'DELETE',
    ]);
  });

  it('answers an engine fault with an ephemeral apology and logs no personal data', async () => {
    engine.reply = async () => {
      throw new Error('database exploded');
    };
    const interaction = commandInteraction(ALICE_IN_GUILD, 'book', { request: 'secret words' });
    harness.fake.deliver(interaction);
    const edit = await harness.fake.rest.waitForCall(
      isCall('PATCH', originalPath(interaction.token)),
    );
    expect(edit.body).toMatchObject({ content: APOLOGY, components: [] });
    const logged = harness.entries.filter((entry) => entry.level === 'error');
    expect(logged).toHaveLength(1);
    expect(logged[0]?.fields).toMatchObject({ interactionId: interaction.id, input: 'command' });
    const text = JSON.stringify(logged);
    for (const secret of [ALICE.id, 'Alice', 'alice_l', 'secret words', interaction.token]) {
      expect(text).not.toContain(secret);
    }
    harness.entries.length = 0;
  });

  it('still apologises when Discord refuses the reply itself', async () => {
    engine.reply = async () => [message('fine')];
    const interaction = commandInteraction(ALICE_IN_GUILD, 'help');
    harness.fake.rest.failNext({
      method: 'PATCH',
      path: new RegExp(`${interaction.token}/messages/@original$`),
      status: 400,
      body: { message: 'Invalid Form Body', code: 50035 },
    });
    harness.fake.deliver(interaction);
    await waitForCount(interaction.token, 'PATCH', originalPath(interaction.token), 2);
    const edits = callsFor(harness.fake, interaction.token).filter((c) => c.method === 'PATCH');
    expect(edits[1]?.body).toMatchObject({ content: APOLOGY });
    expect(harness.entries.find((e) => e.level === 'error')?.fields).toMatchObject({
      err: { name: 'DiscordAPIError[50035]', code: 50035, status: 400, method: 'PATCH' },
    });
    harness.entries.length = 0;
  });
});

async function waitForCount(token: string, method: string, path: string, count: number) {
  await harness.fake.rest.waitForCall(
    () => callsFor(harness.fake, token).filter(isCall(method, path)).length >= count,
  );
}
