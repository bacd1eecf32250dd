// Sends the engine's replies to one chat, editing the pressed message in place when asked.
import { type Api, GrammyError } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { ChatMessage } from '../../src/chat/chat-types.ts';
import { renderTelegramMessage, type TelegramOutgoing } from './render-telegram-message.ts';
import { sendInvoice } from './telegram-payments.ts';

/** Where replies go: the chat, and the message whose button was pressed (null for typed input). */
export type ReplyTarget = {
  readonly chatId: number | string;
  readonly sourceMessageId: number | null;
  /** BotFather's payment provider token; null: invoices are not sent (payments off). */
  readonly providerToken?: string | null;
};

const NO_KEYBOARD: InlineKeyboardMarkup = { inline_keyboard: [] };

/**
 * Delivers replies in order. All are rendered before anything is sent, so a bad button
 * (CallbackDataError) sends nothing half-way. The first `replace` reply to a button press edits
 * that message; if Telegram can no longer edit it (too old, deleted) the reply is sent as new.
 * A reply's invoice follows its text, with the target's provider token.
 * Rejects with the GrammyError/HttpError of a send that failed.
 */
export async function deliverReplies(
  api: Api,
  target: ReplyTarget,
  replies: readonly ChatMessage[],
): Promise<void> {
  const rendered = replies.map((reply) => ({ reply, out: renderTelegramMessage(reply) }));
  let editable = target.sourceMessageId;
  for (const { reply, out } of rendered) {
    const messageId = reply.replace ? editable : null;
    if (reply.replace) editable = null;
    const edited = messageId !== null && (await editInPlace(api, target.chatId, messageId, out));
    if (!edited) await sendChunks(api, target.chatId, out.chunks, out.keyboard);
    if (reply.invoice && target.providerToken) {
      await sendInvoice(api, telegramChatId(target.chatId), reply.invoice, target.providerToken);
    }
  }
}

/** Sends texts in order with the keyboard on the last. */
async function sendChunks(
  api: Api,
  chatId: number | string,
  chunks: readonly string[],
  keyboard: InlineKeyboardMarkup | null,
): Promise<void> {
  for (const [index, text] of chunks.entries()) {
    const last = index === chunks.length - 1;
    const markup = last && keyboard ? { reply_markup: keyboard } : {};
    await api.sendMessage(telegramChatId(chatId), text, markup);
  }
}

/** True when the message now shows the reply (edited, or already identical). */
async function editInPlace(
  api: Api,
  chatId: number | string,
  messageId: number,
  out: TelegramOutgoing,
): Promise<boolean> {
  const [first, ...rest] = out.chunks;
  // An edited message without buttons must drop the old ones, or stale choices stay pressable.
  const markup = rest.length === 0 ? (out.keyboard ?? NO_KEYBOARD) : NO_KEYBOARD;
  try {
    await api.editMessageText(telegramChatId(chatId), messageId, first, { reply_markup: markup });
  } catch (error) {
    if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
    if (!/message is not modified/i.test(error.description)) return false;
  }
  if (rest.length > 0) await sendChunks(api, chatId, rest, out.keyboard);
  return true;
}

/** Chat ids travel as strings in ChatAddress; Telegram documents them as integers (ids < 2^52). */
function telegramChatId(chatId: number | string): number | string {
  return typeof chatId === 'string' && /^-?\d{1,15}$/.test(chatId) ? Number(chatId) : chatId;
}
