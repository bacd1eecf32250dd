// Telegram's flood control as the fake plays it: per chat and overall pace, then a flood wait.
import type { TelegramFailure } from './telegram-fake-state.ts';

/** The pace the fake enforces on sendMessage; unset in startFakeTelegram: no limit (as before). */
export type FloodLimits = {
  /** Least time between two messages accepted in one chat (Telegram: about 1 s). */
  readonly perChatMs: number;
  /** Most messages accepted in any sliding second, over all chats (Telegram: about 30). */
  readonly perSecond: number;
  /** The retry_after answered with a 429, in whole seconds as Telegram gives it. Default 1. */
  readonly retryAfterSeconds?: number;
};

export type FloodControl = {
  /** A 429 for a send to `chatId` at `now`, or null when it is accepted (and counted). */
  check(chatId: string, now: number): TelegramFailure | null;
  /** Sends that arrived while a flood wait the fake had announced was still running. */
  readonly ignoredWaits: () => number;
};

/**
 * A send over either pace gets a 429 with retry_after and starts a flood wait: like Telegram,
 * every send before it ends gets a 429 too (with the seconds left), and is counted as having
 * ignored the wait. Accepted sends are the ones counted against the pace.
 */
export function createFloodControl(limits: FloodLimits): FloodControl {
  const retryAfter = limits.retryAfterSeconds ?? 1;
  const lastInChat = new Map<string, number>();
  let window: number[] = [];
  let waitUntil = 0;
  let ignored = 0;
  const refuse = (seconds: number): TelegramFailure => ({
    error_code: 429,
    description: `Too Many Requests: retry after ${seconds}`,
    parameters: { retry_after: seconds },
  });
  return {
    check(chatId, now) {
      if (now < waitUntil) {
        ignored += 1;
        return refuse(Math.ceil((waitUntil - now) / 1000));
      }
      window = window.filter((t) => t > now - 1000);
      const last = lastInChat.get(chatId);
      const chatTooSoon = last !== undefined && now - last < limits.perChatMs;
      if (chatTooSoon || window.length >= limits.perSecond) {
        waitUntil = now + retryAfter * 1000;
        return refuse(retryAfter);
      }
      window.push(now);
      lastInChat.set(chatId, now);
      return null;
    },
    ignoredWaits: () => ignored,
  };
}
