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

/**
 * 35 ms apart is 28.6 a second: 95 % of Telegram's 30, leaving 50 ms in every second for the
 * delays between our sending and Telegram counting (a busy event loop, the network), which at
 * exactly 30 a second turn into 429s and a second lost to each.
 */
export const TELEGRAM_RATE_LIMITS: RateLimits = {
  globalIntervalMs: Math.ceil(1000 / 29),
  perChatIntervalMs: 1000,
  maxRetries: 3,
};

/**
 * Creates the throttle. Calls carrying a top-level chat_id (sendMessage, editMessageText) each
 * reserve the next free slot, overall and in their chat, then wait for it; other calls
 * (getUpdates, answerCallbackQuery) pass straight through. A 429 pauses every send for its
 * retry_after seconds (sends already waiting for their slot included) and retries the call, up
 * to maxRetries; then the 429 goes to the caller. A 429 means Telegram did not deliver, so a
 * retry never sends a message twice.
 */
export function createRateLimitTransformer(limits: RateLimits, logger: Logger): Transformer {
  const slots = createSlotBook(limits);
  return async (prev, method, payload, signal) => {
    const chatId = readChatId(payload);
    if (chatId === null) return prev(method, payload, signal);
    let retries = 0;
    let wait = slots.reserve(chatId, Date.now());
    for (;;) {
      if (wait > 0) await sleep(wait);
      wait = slots.clearance(chatId, Date.now());
      if (wait > 0) continue;
      const response = await prev(method, payload, signal);
      if (response.ok || response.error_code !== 429 || retries >= limits.maxRetries) {
        return response;
      }
      retries += 1;
      const seconds = response.parameters?.retry_after ?? 1;
      logger.warn({ method, retryAfterSeconds: seconds, retries }, 'telegram flood limit; waiting');
      slots.pauseUntil(Date.now() + seconds * 1000);
      wait = slots.reserve(chatId, Date.now());
    }
  };
}

/**
 * Send times promised and kept. A send books the earliest time that is at least perChatIntervalMs
 * after its chat's last slot and globalIntervalMs away from every other slot, so a chat with a
 * backlog never holds up the others. A timer firing late would bunch sends that were booked apart,
 * so when the time comes the actual sends are checked too: a send goes only when the last actual
 * send, overall and in its chat, is far enough back and no 429 pause runs, and is recorded then.
 */
function createSlotBook(limits: RateLimits) {
  let taken: number[] = [];
  let pausedUntil = 0;
  let lastSent = Number.NEGATIVE_INFINITY;
  const chatNext = new Map<string, number>();
  const chatSent = new Map<string, number>();
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
    /**
     * 0 when a send to `chatId` may go at `now`, which is then recorded as sent; otherwise how
     * many ms are still missing (a 429 pause, or an actual send too recent).
     */
    clearance(chatId: string, now: number): number {
      for (const [id, at] of chatSent) {
        if (at <= now - limits.perChatIntervalMs) chatSent.delete(id);
      }
      const missing = Math.max(
        pausedUntil - now,
        lastSent + limits.globalIntervalMs - now,
        (chatSent.get(chatId) ?? Number.NEGATIVE_INFINITY) + limits.perChatIntervalMs - now,
      );
      if (missing > 0) return missing;
      lastSent = now;
      chatSent.set(chatId, now);
      return 0;
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
