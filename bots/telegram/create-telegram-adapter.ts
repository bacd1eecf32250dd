// The Telegram adapter: grammY wired to the chat engine, by long polling or by webhook.

import { Bot } from 'grammy';
import type { MenuSettings } from '../../src/chat/command-menus.ts';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import type { Logger } from '../../src/ports/logger.ts';
import type { BotAdapter, ChatHandler } from '../bot-adapter.ts';
import { createUpdateMiddleware } from './handle-telegram-update.ts';
import { createPollingRunner } from './polling-runner.ts';
import {
  createRateLimitTransformer,
  type RateLimits,
  TELEGRAM_RATE_LIMITS,
} from './rate-limit-transformer.ts';
import { telegramMenus } from './telegram-commands.ts';
import { createTelegramMessenger } from './telegram-messenger.ts';
import type { TelegramPayments } from './telegram-payments.ts';
import { toStartError } from './telegram-start-error.ts';
import type { UpdateRunner } from './update-runner.ts';
import { createWebhookRunner } from './webhook-runner.ts';

export type TelegramAdapterOptions = {
  readonly token: string;
  /** Bot API server; tests point it at a local fake. Default https://api.telegram.org. */
  readonly apiRoot?: string;
  /** Required with publicUrl: Telegram echoes it in X-Telegram-Bot-Api-Secret-Token. */
  readonly webhookSecret: string | null;
  /** null: long polling. Otherwise the public base URL Telegram posts updates to. */
  readonly publicUrl: string | null;
  readonly handle: ChatHandler;
  readonly logger: Logger;
  /** What this server runs, so the menu leaves out commands that cannot work (default: all). */
  readonly menuSettings?: MenuSettings;
  /** Outgoing pace; tests inject short intervals. */
  readonly rateLimits?: RateLimits;
  /** getUpdates long-poll seconds (default 30). */
  readonly pollTimeoutSeconds?: number;
  /** How long a webhook request waits for its update before answering 200 (default 25 s). */
  readonly webhookTimeoutMs?: number;
  /** Native invoices (TELEGRAM_PAYMENT_PROVIDER_TOKEN); absent or null: none. */
  readonly payments?: TelegramPayments | null;
};

/**
 * The adapter was configured in a way that cannot work safely.
 * @internal Exported for tests too.
 */
export class TelegramConfigError extends Error {
  override name = 'TelegramConfigError';
}

/**
 * Creates the adapter; nothing touches the network until start(). start() registers the command
 * menu (once per language), then begins polling or sets the webhook, and rejects with TelegramStartError when
 * Telegram refuses (bad token) or cannot be reached.
 * Throws TelegramConfigError for a webhook without a valid secret: without one anyone could post
 * updates in any user's name.
 */
export function createTelegramAdapter(options: TelegramAdapterOptions): BotAdapter {
  const bot = new Bot(options.token, {
    client: { apiRoot: options.apiRoot ?? 'https://api.telegram.org' },
  });
  bot.api.config.use(
    createRateLimitTransformer(options.rateLimits ?? TELEGRAM_RATE_LIMITS, options.logger),
  );
  bot.use(
    createUpdateMiddleware({
      handle: options.handle,
      logger: options.logger,
      payments: options.payments ?? null,
    }),
  );
  // The middleware never throws; this only guards grammY's own polling against a crash.
  bot.catch((error) =>
    options.logger.error({ err: describeErrorSafely(error.error) }, 'telegram update failed'),
  );
  const runner = chooseRunner(bot, options);
  return {
    platform: 'telegram',
    messenger: createTelegramMessenger(bot.api),
    mount: (app) => runner.mount(app),
    start: async () => {
      try {
        for (const { commands, language } of telegramMenus(options.menuSettings)) {
          const scope = language === null ? undefined : { language_code: language };
          await bot.api.setMyCommands(commands, scope);
        }
        await runner.start();
      } catch (error) {
        throw toStartError(error);
      }
      const mode = options.publicUrl === null ? 'polling' : 'webhook';
      options.logger.info({ platform: 'telegram', mode }, 'telegram adapter started');
    },
    stop: () => runner.stop(),
  };
}

function chooseRunner(bot: Bot, options: TelegramAdapterOptions): UpdateRunner {
  if (options.publicUrl === null) {
    return createPollingRunner(bot, options.logger, options.pollTimeoutSeconds ?? 30);
  }
  const secret = options.webhookSecret;
  // Telegram's own rule for secret_token: 1-256 characters of A-Z, a-z, 0-9, _ and -.
  if (secret === null || !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) {
    throw new TelegramConfigError(
      'a Telegram webhook needs a secret of 1-256 characters from A-Z, a-z, 0-9, _ and -',
    );
  }
  return createWebhookRunner(bot, {
    publicUrl: options.publicUrl,
    secret,
    timeoutMs: options.webhookTimeoutMs ?? 25_000,
  });
}
