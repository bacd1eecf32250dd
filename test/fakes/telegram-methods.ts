// The Bot API methods the fake answers, with Telegram's checks that matter to the adapter.
import type { InlineKeyboardMarkup } from 'grammy/types';
import {
  FAKE_BOT,
  type FakeState,
  fail,
  ok,
  type Payload,
  type Reply,
  type StoredMessage,
  toMessage,
} from './telegram-fake-state.ts';
import { sendInvoice } from './telegram-payments.ts';
import { answerPreCheckoutQuery } from './telegram-payments-flow.ts';

type Method = (p: Payload) => Reply | Promise<Reply>;

/**
 * Method name to handler; getUpdates holds an empty poll up to `maxHoldMs`. sendInvoice accepts
 * only `providerToken` when it is set (any non-empty token otherwise).
 */
export function telegramMethods(
  state: FakeState,
  maxHoldMs: number,
  providerToken?: string,
): Record<string, Method> {
  return {
    getMe: () => ok(FAKE_BOT),
    setMyCommands: (p) => setMyCommands(p),
    setWebhook: () => ok(true),
    deleteWebhook: () => ok(true),
    getUpdates: (p) => getUpdates(state, p, maxHoldMs),
    sendMessage: (p) => sendMessage(state, p),
    editMessageText: (p) => editMessageText(state, p),
    sendInvoice: (p) => sendInvoice(state, p, providerToken),
    answerPreCheckoutQuery: (p) => answerPreCheckoutQuery(state, p),
    answerCallbackQuery: (p) =>
      state.openQueries.delete(String(p.callback_query_id))
        ? ok(true)
        : fail(
            400,
            'Bad Request: query is too old and response timeout expired or query ID is invalid',
          ),
  };
}

/**
 * Telegram's checks on setMyCommands: 1-100 commands, names of a-z, 0-9 and _ (1-32),
 * descriptions of 1-256 characters, and language_code, when given, a two-letter ISO 639-1 code.
 */
function setMyCommands(p: Payload): Reply {
  const commands = p.commands as { command?: unknown; description?: unknown }[] | undefined;
  if (!Array.isArray(commands) || commands.length > 100) {
    return fail(400, 'Bad Request: commands must be an array of at most 100 commands');
  }
  const valid = commands.every(
    (c) =>
      typeof c.command === 'string' &&
      /^[a-z0-9_]{1,32}$/.test(c.command) &&
      typeof c.description === 'string' &&
      c.description.length >= 1 &&
      c.description.length <= 256,
  );
  if (!valid) return fail(400, 'Bad Request: BOT_COMMAND_INVALID');
  const language = p.language_code;
  if (language !== undefined && (typeof language !== 'string' || !/^[a-z]{2}$/.test(language))) {
    return fail(400, 'Bad Request: invalid language code specified');
  }
  return ok(true);
}

async function getUpdates(state: FakeState, p: Payload, maxHoldMs: number): Promise<Reply> {
  const offset = Number(p.offset ?? 0);
  // Telegram forgets every update below the offset: it is confirmed.
  while (state.queue[0] && state.queue[0].update_id < offset) state.queue.shift();
  const holdMs = Math.min(Number(p.timeout ?? 0) * 1000, maxHoldMs);
  if (state.queue.length === 0 && holdMs > 0) {
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        state.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, holdMs);
      state.waiters.add(done);
    });
  }
  return ok(state.queue.slice(0, Number(p.limit ?? 100)));
}

function sendMessage(state: FakeState, p: Payload): Reply {
  const invalid = checkText(p.text) ?? checkMarkup(p.reply_markup);
  if (invalid) return invalid;
  const stored: StoredMessage = {
    chatId: Number(p.chat_id),
    messageId: state.ids.message++,
    text: String(p.text),
    replyMarkup: (p.reply_markup as InlineKeyboardMarkup | undefined) ?? null,
  };
  state.messages.set(stored.messageId, stored);
  return ok(toMessage(stored));
}

function editMessageText(state: FakeState, p: Payload): Reply {
  const invalid = checkText(p.text) ?? checkMarkup(p.reply_markup);
  if (invalid) return invalid;
  const stored = state.messages.get(Number(p.message_id));
  if (!stored || stored.chatId !== Number(p.chat_id)) {
    return fail(400, 'Bad Request: message to edit not found');
  }
  if (stored.invoice) return fail(400, 'Bad Request: there is no text in the message to edit');
  const markup = (p.reply_markup as InlineKeyboardMarkup | undefined) ?? null;
  if (stored.text === p.text && JSON.stringify(stored.replyMarkup) === JSON.stringify(markup)) {
    return fail(
      400,
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same',
    );
  }
  stored.text = String(p.text);
  stored.replyMarkup = markup;
  return ok(toMessage(stored));
}

function checkText(text: unknown): Reply | null {
  if (typeof text !== 'string' || text.trim() === '') {
    return fail(400, 'Bad Request: message text is empty');
  }
  if (text.length > 4096) return fail(400, 'Bad Request: message is too long');
  return null;
}

function checkMarkup(markup: unknown): Reply | null {
  const rows = (markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? [];
  for (const button of rows.flat()) {
    const data = 'callback_data' in button ? button.callback_data : '';
    const bytes = Buffer.byteLength(data, 'utf8');
    if (bytes < 1 || bytes > 64) return fail(400, 'Bad Request: BUTTON_DATA_INVALID');
  }
  return null;
}
