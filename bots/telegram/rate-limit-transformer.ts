// An API transformer that spaces outgoing messages (overall and per chat) and retries on 429.

import { setTimeout as sleep } from 'node:timers/promises';
import type { Transformer } from 'grammy';
import type { Logger } from '../../src/ports/logger.ts';

/** Telegram's documented pace: about 30 messages a second overall, 1 a second in one chat. */
export type RateLimits = {
  readonly globalIntervalMs: number;
  readonly perChatIntervalMs: number;
  /** How many times one call is retried after a 429 before its error is returned. */
  readonly maxRetries: number;
};

export const TELEGRAM_RATE_LIMITS: RateLimits = {
  globalIntervalMs: Math.ceil(1000 / 30),
  perChatIntervalMs: 1000,
  maxRetries: 3,
};

/**
 * Creates the throttle. Calls carrying a top-level chat_id (sendMessage, editMessageText) each
 * reserve the next free slot, overall and in their chat, then wait for it; other calls
 * (getUpdates, answerCallbackQuery) pass straight through. A 429 pauses every send for its
 * retry_after seconds and retries the call, up to maxRetries; then the 429 goes to the caller.
 */
export function createRateLimitTransformer(limits: RateLimits, logger: Logger): Transformer {
  const slots = createSlotBook(limits);
  return async (prev, method, payload, signal) => {
    const chatId = readChatId(payload);
    if (chatId === null) return prev(method, payload, signal);
    for (let attempt = 0; ; attempt += 1) {
      const wait = slots.reserve(chatId, Date.now());
      if (wait > 0) await sleep(wait);
      const response = await prev(method, payload, signal);
      if (response.ok || response.error_code !== 429 || attempt >= limits.maxRetries) {
        return response;
      }
      const seconds = response.parameters?.retry_after ?? 1;
      logger.warn({ method, retryAfterSeconds: seconds, attempt }, 'telegram flood limit; waiting');
      slots.pauseUntil(Date.now() + seconds * 1000);
    }
  };
}

/**
 * Send times already promised. A send takes the earliest time that is at least perChatIntervalMs
 * after its chat's last slot and globalIntervalMs away from every other slot, so a chat with a
 * backlog never holds up the others.
 */
function createSlotBook(limits: RateLimits) {
  let taken: number[] = [];
  let pausedUntil = 0;
  const chatNext = new Map<string, number>();
  return {
    /** Books a slot for `chatId`; returns how many ms to wait for it. */
    reserve(chatId: string, now: number): number {
      taken = taken.filter((t) => t > now - limits.globalIntervalMs);
      for (const [id, next] of chatNext) if (next <= now) chatNext.delete(id);
      let at = Math.max(now, pausedUntil, chatNext.get(chatId) ?? 0);
      for (const t of taken) {
        if (Math.abs(t - at) < limits.globalIntervalMs) at = t + limits.globalIntervalMs;
      }
      taken.push(at);
      taken.sort((a, b) => a - b);
      chatNext.set(chatId, at + limits.perChatIntervalMs);
      return at - now;
    },
    /** After a 429 nothing goes out before `until`. */
    pauseUntil(until: number): void {
      pausedUntil = Math.max(pausedUntil, until);
    },
  };
}

function readChatId(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null || !('chat_id' in payload)) return null;
  const chatId = payload.chat_id;
  return typeof chatId === 'string' || typeof chatId === 'number' ? String(chatId) : null;
}
