// The Messenger port on Telegram: a DM to a chat identity, refusals turned into MessengerError.
import { type Api, GrammyError } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import {
  type ChatAddress,
  type ChatMessage,
  type Messenger,
  MessengerError,
  type SentMessageRef,
} from '../../src/chat/chat-types.ts';
import { renderTelegramMessage } from './render-telegram-message.ts';

/**
 * A send that failed for a reason that may pass (network, Telegram 5xx, flood after retries).
 * @internal Exported for tests too.
 */
export class TelegramSendError extends Error {
  override name = 'TelegramSendError';
}

const NO_KEYBOARD: InlineKeyboardMarkup = { inline_keyboard: [] };

/**
 * Sends to `to.dmAddress ?? to.platformUserId` through the throttled API and answers each
 * chunk's chat id and message_id; edits with editMessageText. Rejects with MessengerError when
 * Telegram refuses for good (403: blocked or deactivated; 400: chat not found, message to edit
 * not found or no longer editable) or the address is not a Telegram one; with TelegramSendError
 * for anything else; with CallbackDataError when the message has unsendable buttons.
 */
export function createTelegramMessenger(api: Api): Messenger {
  return {
    async send(to: ChatAddress, message: ChatMessage) {
      if (to.platform !== 'telegram') {
        throw new MessengerError(`not a Telegram address: ${to.platform}`);
      }
      const out = renderTelegramMessage(message);
      const chatId = to.dmAddress ?? to.platformUserId;
      return guarded(async () => {
        const sent: SentMessageRef[] = [];
        for (const [index, text] of out.chunks.entries()) {
          const last = index === out.chunks.length - 1;
          const markup = last && out.keyboard ? { reply_markup: out.keyboard } : {};
          const result = await api.sendMessage(telegramChatId(chatId), text, markup);
          sent.push({
            platform: 'telegram',
            address: chatId,
            messageId: String(result.message_id),
          });
        }
        return sent;
      });
    },
    async edit(ref: SentMessageRef, message: ChatMessage) {
      if (ref.platform !== 'telegram') {
        throw new MessengerError(`not a Telegram message: ${ref.platform}`);
      }
      await guarded(() => editMessage(api, ref, message));
    },
  };
}

/** Edits the first chunk's text and the keyboard; an edit to what it already shows is done. */
async function editMessage(api: Api, ref: SentMessageRef, message: ChatMessage): Promise<void> {
  const out = renderTelegramMessage(message);
  const markup = out.chunks.length === 1 ? (out.keyboard ?? NO_KEYBOARD) : NO_KEYBOARD;
  try {
    await api.editMessageText(
      telegramChatId(ref.address),
      Number(ref.messageId),
      out.chunks[0] ?? message.text,
      { reply_markup: markup },
    );
  } catch (error) {
    if (error instanceof GrammyError && /message is not modified/i.test(error.description)) return;
    throw error;
  }
}

async function guarded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isRefusal(error)) {
      throw new MessengerError(`Telegram refused the message (${error.error_code})`, {
        cause: error,
      });
    }
    throw new TelegramSendError('Telegram send failed', { cause: error });
  }
}

function isRefusal(error: unknown): error is GrammyError {
  if (!(error instanceof GrammyError)) return false;
  if (error.error_code === 403) return true;
  return (
    error.error_code === 400 &&
    /chat not found|user not found|PEER_ID_INVALID|message to edit not found|message can't be edited/i.test(
      error.description,
    )
  );
}

/** Chat ids travel as strings; Telegram documents them as integers (ids < 2^52). */
function telegramChatId(chatId: string): number | string {
  return /^-?\d{1,15}$/.test(chatId) ? Number(chatId) : chatId;
}
