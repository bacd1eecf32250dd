// Webhook mode: grammY's hono callback behind the secret token, registered with setWebhook.
import { type Bot, webhookCallback } from 'grammy';
import type { Env, Hono } from 'hono';
import { ALLOWED_UPDATES, type UpdateRunner } from './update-runner.ts';

export const WEBHOOK_PATH = '/webhooks/telegram';

/**
 * Creates the webhook runner. The route answers 401 to a missing or wrong
 * X-Telegram-Bot-Api-Secret-Token (grammY checks it before reading the body) and 503 while the
 * adapter is not running, so Telegram redelivers to whichever instance is. A slow update is
 * answered 200 after `timeoutMs` and finishes in the background: a timeout error would only make
 * Telegram resend it. stop() keeps the webhook registered for the next instance.
 */
export function createWebhookRunner(
  bot: Bot,
  settings: { readonly publicUrl: string; readonly secret: string; readonly timeoutMs: number },
): UpdateRunner {
  let running = false;
  const callback = webhookCallback(bot, 'hono', {
    secretToken: settings.secret,
    onTimeout: 'return',
    timeoutMilliseconds: settings.timeoutMs,
  });
  return {
    mount: (app: Hono<Env>) => {
      app.post(WEBHOOK_PATH, (c) => (running ? callback(c) : c.body(null, 503)));
    },
    start: async () => {
      await bot.init();
      const url = `${settings.publicUrl.replace(/\/+$/, '')}${WEBHOOK_PATH}`;
      await bot.api.setWebhook(url, {
        secret_token: settings.secret,
        allowed_updates: ALLOWED_UPDATES,
      });
      running = true;
    },
    stop: async () => {
      running = false;
    },
  };
}
