// The chat bench on Telegram: simulated users against the fake Bot API, the real adapter polling it.
import type { Update, User } from 'grammy/types';
import { createTelegramAdapter } from '../bots/telegram/create-telegram-adapter.ts';
import type { RateLimits } from '../bots/telegram/rate-limit-transformer.ts';
import { handleChatEvent } from '../src/chat/handle-chat-event.ts';
import { createRoutingMessenger } from '../src/chat/routing-messenger.ts';
import type { Database } from '../src/db/database.ts';
import { type FakeTelegram, startFakeTelegram } from '../test/fakes/telegram-api.ts';
import { MONDAY_MORNING } from '../test/support/fixtures.ts';
import { type BenchUser, clickThroughBooking, type ShownButton } from './chat-flow.ts';
import { chatDepsFor, logHandled } from './chat-handled.ts';
import type { PlatformRun } from './chat-platform-run.ts';
import { type ReplyWatch, watchReplies } from './chat-reply-watch.ts';

const TOKEN = '424242:bench-token';
/** A reply that has not come in this long is lost. */
export const REPLY_TIMEOUT_MS = 30_000;
const QUIET = { info: () => {}, warn: () => {}, error: () => {} };

export type TelegramRunOptions = {
  readonly users: number;
  readonly thinkMs: number;
  /** The adapter's outgoing pace: Telegram's own, or none to see the bot's own cost. */
  readonly rateLimits: RateLimits;
  /** First user id, so runs on one database are different users. */
  readonly firstUserId: number;
};

/**
 * Starts the fake and the adapter in long-polling mode with the real engine on `db` (at Monday
 * 07:00 Berlin), lets every user click through a booking at once, and stops both. A turn starts
 * when the update is queued in the fake (a held getUpdates is answered with it at once).
 */
export async function runTelegramUsers(
  db: Database,
  options: TelegramRunOptions,
): Promise<PlatformRun> {
  const fake = await startFakeTelegram({ token: TOKEN, maxHoldMs: 30_000 });
  const messenger = createRoutingMessenger();
  const deps = chatDepsFor(db, messenger);
  const log = logHandled((event) => handleChatEvent(deps, event, MONDAY_MORNING));
  const adapter = createTelegramAdapter({
    token: TOKEN,
    apiRoot: fake.apiRoot,
    webhookSecret: null,
    publicUrl: null,
    handle: log.handle,
    logger: QUIET,
    rateLimits: options.rateLimits,
    pollTimeoutSeconds: 30,
  });
  messenger.register('telegram', adapter.messenger);
  const watch = watchReplies(fake.calls, (c) =>
    (c.method === 'sendMessage' || c.method === 'editMessageText') && c.reply.ok
      ? { chat: String(c.payload.chat_id), at: c.at }
      : null,
  );
  await adapter.start();
  try {
    const outcomes = await Promise.all(
      Array.from({ length: options.users }, (_, i) => {
        const user = { id: options.firstUserId + i, is_bot: false, first_name: `User ${i}` };
        return clickThroughBooking(telegramUser(fake, user, log, watch), i, options.thinkMs);
      }),
    );
    return { outcomes, duplicates: log.duplicates(), engineMs: log.engineMs() };
  } finally {
    watch.stop();
    await adapter.stop();
    await fake.close();
  }
}

function telegramUser(
  fake: FakeTelegram,
  user: User,
  log: ReturnType<typeof logHandled>,
  watch: ReplyWatch,
): BenchUser {
  const chat = String(user.id);
  let sent = 0;
  const newest = () => fake.messagesIn(user.id).at(-1);
  const turn = async (update: Update) => {
    sent += 1;
    const before = watch.count(chat);
    const startedAt = Date.now();
    fake.push(update);
    const replies = await log.replies(chat, sent, REPLY_TIMEOUT_MS);
    if (replies === null || replies === 0) return null;
    const at = await watch.waitFor(chat, before, replies, REPLY_TIMEOUT_MS);
    if (at === null) return null;
    return { startedAt, firstReplyAt: at[0] ?? startedAt, lastReplyAt: at.at(-1) ?? startedAt };
  };
  return {
    say: (text) => turn(fake.textUpdate(user, text)),
    press: (button: ShownButton) =>
      turn(fake.callbackUpdate(user, button.data, newest()?.messageId ?? 0)),
    shown: () => {
      const message = newest();
      const buttons = (message?.replyMarkup?.inline_keyboard ?? []).flat().map((b) => ({
        label: b.text,
        data: 'callback_data' in b ? b.callback_data : '',
      }));
      return { text: message?.text ?? '', buttons };
    },
  };
}
