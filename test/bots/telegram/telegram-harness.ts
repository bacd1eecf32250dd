// Shared test setup: the fake Bot API, a recording logger and an adapter wired to a Hono app.

import type { Update, User } from 'grammy/types';
import { Hono } from 'hono';
import type { BotAdapter, ChatHandler } from '../../../bots/bot-adapter.ts';
import { createTelegramAdapter } from '../../../bots/telegram/create-telegram-adapter.ts';
import type { RateLimits } from '../../../bots/telegram/rate-limit-transformer.ts';
import type { Logger } from '../../../src/ports/logger.ts';
import { type FakeTelegram, startFakeTelegram } from '../../fakes/telegram-api.ts';

export const TOKEN = '123456:TEST-token-never-logged';
export const SECRET = 'webhook_secret-123';
export const NO_LIMITS: RateLimits = { globalIntervalMs: 0, perChatIntervalMs: 0, maxRetries: 3 };

export const ALICE: User = {
  id: 111,
  is_bot: false,
  first_name: 'Alice',
  last_name: 'Lovelace',
  username: 'alice_l',
};
export const BOB: User = { id: 222, is_bot: false, first_name: 'Bob' };

export type LogEntry = { level: string; fields: Record<string, unknown>; message?: string };

/** A Logger that keeps every entry for assertions. */
export function recordingLogger(): { logger: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const record = (level: string) => (fields: Record<string, unknown>, message?: string) => {
    entries.push(message === undefined ? { level, fields } : { level, fields, message });
  };
  return {
    entries,
    logger: { info: record('info'), warn: record('warn'), error: record('error') },
  };
}

export type WebhookHarness = {
  fake: FakeTelegram;
  adapter: BotAdapter;
  app: Hono;
  entries: LogEntry[];
  /** Posts an update as Telegram would; `secret` null sends no secret header. */
  deliver(update: Update, secret?: string | null): Promise<Response>;
  close(): Promise<void>;
};

/** An adapter in webhook mode, started, with its route mounted on a fresh Hono app. */
export async function startWebhookHarness(
  handle: ChatHandler,
  rateLimits: RateLimits = NO_LIMITS,
): Promise<WebhookHarness> {
  const fake = await startFakeTelegram({ token: TOKEN });
  const { logger, entries } = recordingLogger();
  const adapter = createTelegramAdapter({
    token: TOKEN,
    apiRoot: fake.apiRoot,
    webhookSecret: SECRET,
    publicUrl: 'https://slotline.example/',
    handle,
    logger,
    rateLimits,
  });
  const app = new Hono();
  adapter.mount(app);
  await adapter.start();
  return {
    fake,
    adapter,
    app,
    entries,
    deliver: async (update, secret = SECRET) =>
      app.request('/webhooks/telegram', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(secret === null ? {} : { 'X-Telegram-Bot-Api-Secret-Token': secret }),
        },
        body: JSON.stringify(update),
      }),
    close: async () => {
      await adapter.stop();
      await fake.close();
    },
  };
}

/** A ChatMessage with optional button rows (style default unless given). */
export function reply(
  text: string,
  buttons: { label: string; data: string; style?: 'primary' | 'danger' | 'default' }[][] = [],
  replace = false,
) {
  return {
    text,
    buttons: buttons.map((row) => row.map((b) => ({ style: 'default' as const, ...b }))),
    select: null,
    replace,
  };
}
