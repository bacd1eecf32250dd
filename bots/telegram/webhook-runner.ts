// Webhook mode: grammY's hono callback behind the secret token, registered with setWebhook.
import { createHash, timingSafeEqual } from 'node:crypto';
import { type Bot, webhookCallback } from 'grammy';
import type { Env, Hono } from 'hono';
import { limitBody, WEBHOOK_BODY_LIMIT_BYTES } from '../../src/http/body-limits.ts';
import { errorJson } from '../../src/http/error-json.ts';
import { ALLOWED_UPDATES, type UpdateRunner } from './update-runner.ts';
import { readWebhookUpdate } from './webhook-update.ts';

/** @internal Exported for tests too. */
export const WEBHOOK_PATH = '/webhooks/telegram';
const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';

/**
 * Creates the webhook runner. The route answers 413 to a body over 1 MB (from Content-Length,
 * before reading it), 503 while the adapter is not running, so Telegram redelivers to whichever
 * instance is, and 401 UNAUTHORIZED to a missing or wrong X-Telegram-Bot-Api-Secret-Token
 * before the body is read. A body that is not an update (malformed JSON, see readWebhookUpdate)
 * is 400 VALIDATION_ERROR and reaches nothing. A slow update is answered 200 after `timeoutMs`
 * and finishes in the background: a timeout error would only make Telegram resend it. stop()
 * keeps the webhook registered for the next instance.
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
      app.post(WEBHOOK_PATH, limitBody(WEBHOOK_BODY_LIMIT_BYTES), async (c) => {
        if (!running) return c.body(null, 503);
        if (!sameSecret(c.req.header(SECRET_HEADER), settings.secret)) {
          return c.json(errorJson('UNAUTHORIZED', 'wrong or missing secret token'), 401);
        }
        // text() caches the body; grammY's json() then parses the same text again.
        if (readWebhookUpdate(await c.req.text()) === null) {
          return c.json(errorJson('VALIDATION_ERROR', 'the body is not a Telegram update'), 400);
        }
        return callback(c);
      });
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

/** Compares in constant time (over digests, so the lengths may differ). */
function sameSecret(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(secret));
}
