// Startup and shutdown against the fake: command registration, gateway session, heartbeats.
import { GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter } from '../../../bots/discord/create-discord-adapter.ts';
import { DiscordStartError } from '../../../bots/discord/discord-adapter-errors.ts';
import {
  FAKE_APPLICATION_ID,
  FAKE_TOKEN,
  type FakeDiscord,
  startFakeDiscord,
} from '../../fakes/discord-api.ts';
import { commandInteraction } from '../../fakes/discord-interactions.ts';
import {
  ALICE_IN_GUILD,
  GUILD_ID,
  type Harness,
  isCall,
  message,
  originalPath,
  recordingLogger,
  startHarness,
  stubEngine,
} from './discord-harness.ts';

// In the registry's order (src/chat/chat-commands.ts); /start is Telegram's alone.
const EXPECTED_COMMANDS = [
  'book',
  'mybookings',
  'waitlist',
  'timezone',
  'language',
  'email',
  'help',
  'link',
  'today',
  'requests',
  'week',
  'block',
  'unblock',
  'connect',
  'sync',
  'disconnect',
];

let harness: Harness | null = null;
let bare: FakeDiscord | null = null;
afterEach(async () => {
  await harness?.close();
  await bare?.close();
  harness = null;
  bare = null;
});

describe('starting the Discord adapter', () => {
  it('registers the commands globally and identifies with the DirectMessages intent only', async () => {
    harness = await startHarness(stubEngine().handle, null);
    const { rest, gateway } = harness.fake;
    const put = rest.calls.find((call) => call.method === 'PUT');
    expect(put?.path).toBe(`/applications/${FAKE_APPLICATION_ID}/commands`);
    expect(put?.authorization).toBe(`Bot ${FAKE_TOKEN}`);
    const bodies = put?.body as { name: string; options?: { name: string; type: number }[] }[];
    expect(bodies.map((command) => command.name)).toEqual(EXPECTED_COMMANDS);
    const book = bodies.find((command) => command.name === 'book');
    expect(book?.options).toEqual([
      expect.objectContaining({ name: 'request', type: 3, required: false }),
    ]);
    const link = bodies.find((command) => command.name === 'link');
    expect(link?.options?.map((option) => option.name)).toEqual(['code']);
    // The German menu: same names, German descriptions, accepted by the fake like Discord.
    const german = bodies as { name: string; description_localizations?: { de?: string } }[];
    expect(german.find((c) => c.name === 'book')?.description_localizations?.de).toBe(
      'Termin buchen',
    );
    expect(german.every((c) => (c.description_localizations?.de ?? '').length > 0)).toBe(true);
    expect(gateway.identifies).toHaveLength(1);
    expect(gateway.identifies[0]?.intents).toBe(GatewayIntentBits.DirectMessages);
    expect(gateway.identifies[0]?.token).toBe(FAKE_TOKEN);
    expect(harness.entries).toContainEqual(
      expect.objectContaining({ level: 'info', message: 'discord adapter ready' }),
    );
  });

  it('registers the commands in the guild when a guild id is configured', async () => {
    harness = await startHarness(stubEngine().handle, GUILD_ID);
    const puts = harness.fake.rest.calls.filter((call) => call.method === 'PUT');
    expect(puts.map((call) => call.path)).toEqual([
      `/applications/${FAKE_APPLICATION_ID}/guilds/${GUILD_ID}/commands`,
    ]);
  });

  it('keeps one session alive through heartbeats and still answers interactions', async () => {
    const engine = stubEngine();
    engine.reply = async () => [message('Hello')];
    harness = await startHarness(engine.handle, GUILD_ID, 60);
    const { fake } = harness;
    await waitUntil(() => fake.gateway.heartbeats() >= 3);
    const interaction = commandInteraction(ALICE_IN_GUILD, 'help');
    fake.deliver(interaction);
    await fake.rest.waitForCall(isCall('PATCH', originalPath(interaction.token)));
    expect(fake.gateway.identifies).toHaveLength(1);
  });

  it('rejects with DiscordStartError when Discord refuses the commands', async () => {
    bare = await startFakeDiscord();
    bare.rest.failNext({
      method: 'PUT',
      path: /commands$/,
      status: 401,
      body: { message: '401: Unauthorized', code: 0 },
    });
    const adapter = bareAdapter(bare);
    await expect(adapter.start()).rejects.toBeInstanceOf(DiscordStartError);
    expect(bare.gateway.identifies).toHaveLength(0);
  });

  it('rejects with DiscordStartError when the gateway refuses the token', async () => {
    bare = await startFakeDiscord();
    bare.gateway.refuseIdentifyWith(4004);
    const adapter = bareAdapter(bare);
    const started = adapter.start();
    await expect(started).rejects.toBeInstanceOf(DiscordStartError);
    await expect(started).rejects.toHaveProperty('cause.name', 'GatewayClosedError');
  });

  it('disconnects from the gateway on stop', async () => {
    harness = await startHarness(stubEngine().handle);
    expect(harness.fake.gateway.sessions()).toBe(1);
    await harness.adapter.stop();
    await waitUntil(() => harness?.fake.gateway.sessions() === 0);
    // A normal close is not the "closed for good" alarm.
    expect(harness.entries.filter((entry) => entry.level === 'error')).toEqual([]);
  });
});

function bareAdapter(fake: FakeDiscord) {
  return createDiscordAdapter({
    token: FAKE_TOKEN,
    applicationId: FAKE_APPLICATION_ID,
    guildId: null,
    apiUrl: fake.rest.apiUrl,
    handle: stubEngine().handle,
    logger: recordingLogger().logger,
  });
}

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
