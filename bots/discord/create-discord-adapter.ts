// The Discord adapter: a gateway client whose interactions go to the engine, plus DMs.

import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Hono } from 'hono';
import type { MenuSettings } from '../../src/chat/command-menus.ts';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import type { Logger } from '../../src/ports/logger.ts';
import type { BotAdapter, ChatHandler } from '../bot-adapter.ts';
import { DiscordStartError } from './discord-adapter-errors.ts';
import { createDiscordMessenger } from './discord-messenger.ts';
import { createDirectMessageListener } from './handle-direct-message.ts';
import { createInteractionListener } from './handle-discord-interaction.ts';
import { registerDiscordCommands } from './register-discord-commands.ts';
import { waitUntilReady } from './wait-until-ready.ts';

export type DiscordAdapterOptions = {
  readonly token: string;
  readonly applicationId: string;
  /** Register commands in this guild only (they appear at once); null registers them globally. */
  readonly guildId: string | null;
  /** REST base, default https://discord.com/api; the gateway URL comes from GET /gateway/bot. */
  readonly apiUrl?: string;
  readonly handle: ChatHandler;
  readonly logger: Logger;
  /** What this server runs, so the registered commands leave out what cannot work (default: all). */
  readonly menuSettings?: MenuSettings;
};

/**
 * Builds the adapter without connecting. start() registers the slash commands, logs in and
 * resolves once the gateway session is ready; it rejects with DiscordStartError (cause kept) when
 * Discord refuses the token or the commands, or closes the gateway for good. stop() disconnects.
 * The messenger works before start(): DMs are plain REST calls. mount() is a no-op: interactions
 * come over the gateway.
 */
export function createDiscordAdapter(options: DiscordAdapterOptions): BotAdapter {
  const client = new Client({
    // Interactions reach a bot whatever its intents; DirectMessages only brings the words people
    // type to the bot in DMs (their content needs no privileged intent there). DM channels are
    // not cached without the Guilds intent, hence the Channel partial.
    intents: [GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    rest: { api: options.apiUrl ?? 'https://discord.com/api' },
  });
  client.rest.setToken(options.token);
  const listener = createInteractionListener(options.handle, options.logger);
  client.on(Events.InteractionCreate, (interaction) => void listener(interaction));
  const dmListener = createDirectMessageListener(options.handle, options.logger);
  client.on(Events.MessageCreate, (message) => void dmListener(message));
  // After start, a close discord.js will not recover from (token reset) needs a human: say so.
  client.on(Events.ShardDisconnect, ({ code }) =>
    options.logger.error({ closeCode: code }, 'discord gateway closed for good'),
  );
  // An 'error' event without a listener would throw out of the gateway's event loop.
  client.on(Events.Error, (error) =>
    options.logger.error({ err: describeErrorSafely(error) }, 'discord client error'),
  );
  return {
    platform: 'discord',
    messenger: createDiscordMessenger(client.rest),
    mount: (_app: Hono) => {},
    start: () => start(client, options),
    stop: () => client.destroy(),
  };
}

async function start(client: Client, options: DiscordAdapterOptions): Promise<void> {
  try {
    await registerDiscordCommands(
      client.rest,
      options.applicationId,
      options.guildId,
      options.menuSettings,
    );
    // Listening before login so the ready event cannot be missed; Promise.all also handles a
    // late rejection of either.
    await Promise.all([waitUntilReady(client), client.login(options.token)]);
  } catch (error) {
    await client.destroy();
    throw new DiscordStartError('Discord adapter failed to start', { cause: error });
  }
  options.logger.info(
    { scope: options.guildId === null ? 'global' : 'guild' },
    'discord adapter ready',
  );
}
