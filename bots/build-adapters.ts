// Builds the adapters whose settings are present; the web chat runs unless WEB_CHAT=off.

import type { MenuSettings } from '../src/chat/command-menus.ts';
import type { ChatConfig } from '../src/config/load-chat-config.ts';
import { PLATFORMS, type Platform } from '../src/domain/platforms.ts';
import type { Clock } from '../src/ports/clock.ts';
import type { Logger } from '../src/ports/logger.ts';
import type { ProviderDirectory } from '../src/ports/provider-directory.ts';
import type { WebInboxStore } from '../src/ports/web-inbox-store.ts';
import type { BotAdapter, ChatHandler } from './bot-adapter.ts';
import { createDiscordAdapter } from './discord/create-discord-adapter.ts';
import { createSlackAdapter } from './slack/create-slack-adapter.ts';
import { createTelegramAdapter } from './telegram/create-telegram-adapter.ts';
import type { TelegramPayments } from './telegram/telegram-payments.ts';
import { createWebChatAdapter } from './web/create-web-chat-adapter.ts';
import { clientPersonas, demoPersonas } from './web/web-personas.ts';

type BuildInput = {
  config: ChatConfig;
  /** What the web chat may read about providers. */
  providers: ProviderDirectory;
  /** Where the web chat's DMs wait. */
  webInbox: WebInboxStore;
  handle: ChatHandler;
  logger: Logger;
  clock: Clock;
  /** What this server runs, so the platforms' command menus leave out what cannot work. */
  menuSettings: MenuSettings;
  /** Telegram's native invoices when a payment provider token is set; else null. */
  telegramPayments?: TelegramPayments | null;
};

/** Builds one platform's adapter, or null when its settings are absent. */
type AdapterBuilder = (input: BuildInput) => BotAdapter | null;

/** One builder per platform: a new platform fails to compile until it has an adapter here. */
const BUILDERS: { readonly [P in Platform]: AdapterBuilder } = {
  telegram: ({ config, handle, logger, menuSettings, telegramPayments }) =>
    config.telegram &&
    createTelegramAdapter({
      token: config.telegram.token,
      apiRoot: config.telegram.apiRoot,
      webhookSecret: config.telegram.webhookSecret,
      publicUrl: config.publicUrl,
      handle,
      logger,
      menuSettings,
      payments: telegramPayments ?? null,
    }),
  slack: ({ config, handle, logger, clock }) =>
    config.slack &&
    createSlackAdapter({
      botToken: config.slack.botToken,
      signingSecret: config.slack.signingSecret,
      appToken: config.slack.appToken,
      apiUrl: config.slack.apiUrl,
      handle,
      logger,
      clock,
    }),
  discord: ({ config, handle, logger, menuSettings }) =>
    config.discord &&
    createDiscordAdapter({
      token: config.discord.token,
      applicationId: config.discord.applicationId,
      guildId: config.discord.guildId,
      apiUrl: config.discord.apiUrl,
      handle,
      logger,
      menuSettings,
    }),
  web: ({ config, providers, webInbox, handle, logger, clock }) => {
    if (config.web === 'off') return null;
    // Providers' personas only in demo mode: anyone may act as anyone there.
    const personas = config.web === 'demo' ? demoPersonas : clientPersonas;
    return createWebChatAdapter({
      providers,
      handle,
      logger,
      clock,
      personas,
      inboxStore: webInbox,
    });
  },
};

/**
 * One adapter per configured platform, in PLATFORMS order. Building connects nothing: the caller
 * mounts them on the HTTP app and then starts them.
 */
export function buildAdapters(input: BuildInput): BotAdapter[] {
  return PLATFORMS.flatMap((platform) => BUILDERS[platform](input) ?? []);
}
