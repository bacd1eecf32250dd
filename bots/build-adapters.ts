// Builds the adapters whose settings are present; the web chat runs unless WEB_CHAT=off.

import type { ChatConfig } from '../src/config/load-chat-config.ts';
import type { Database } from '../src/db/database.ts';
import type { Clock } from '../src/ports/clock.ts';
import type { Logger } from '../src/ports/logger.ts';
import type { BotAdapter, ChatHandler } from './bot-adapter.ts';
import { createDiscordAdapter } from './discord/create-discord-adapter.ts';
import { createSlackAdapter } from './slack/create-slack-adapter.ts';
import { createTelegramAdapter } from './telegram/create-telegram-adapter.ts';
import { createWebChatAdapter } from './web/create-web-chat-adapter.ts';
import { clientPersonas, demoPersonas } from './web/web-personas.ts';

/**
 * One adapter per configured platform, plus the web chat (providers' personas only in demo mode).
 * Building connects nothing: the caller
 * mounts them on the HTTP app and then starts them.
 */
export function buildAdapters(input: {
  config: ChatConfig;
  db: Database;
  handle: ChatHandler;
  logger: Logger;
  clock: Clock;
}): BotAdapter[] {
  const { config, handle, logger, clock } = input;
  const adapters: BotAdapter[] = [];
  if (config.webChat !== 'off') {
    const personas = config.webChat === 'demo' ? demoPersonas : clientPersonas;
    adapters.push(createWebChatAdapter({ db: input.db, handle, logger, clock, personas }));
  }
  if (config.telegram) {
    adapters.push(
      createTelegramAdapter({
        token: config.telegram.token,
        apiRoot: config.telegram.apiRoot,
        webhookSecret: config.telegram.webhookSecret,
        publicUrl: config.publicUrl,
        handle,
        logger,
      }),
    );
  }
  if (config.slack) {
    adapters.push(
      createSlackAdapter({
        botToken: config.slack.botToken,
        signingSecret: config.slack.signingSecret,
        appToken: config.slack.appToken,
        apiUrl: config.slack.apiUrl,
        handle,
        logger,
        clock,
      }),
    );
  }
  if (config.discord) {
    adapters.push(
      createDiscordAdapter({
        token: config.discord.token,
        applicationId: config.discord.applicationId,
        guildId: config.discord.guildId,
        apiUrl: config.discord.apiUrl,
        handle,
        logger,
      }),
    );
  }
  return adapters;
}
