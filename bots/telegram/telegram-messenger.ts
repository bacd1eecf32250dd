// The Messenger port on Telegram: a DM to a chat identity, refusals turned into MessengerError.
import { type Api, GrammyError } from 'grammy';
import {
  type ChatAddress,
  type ChatMessage,
  type Messenger,
  MessengerError,
} from '../../src/chat/chat-types.ts';
import { sendChunks } from './deliver-replies.ts';
import { renderTelegramMessage } from './render-telegram-message.ts';

/**
 * A send that failed for a reason that may pass (network, Telegram 5xx, flood after retries).
 * @internal Exported for tests too.
 */
export class TelegramSendError extends Error {
  override name = 'TelegramSendError';
}

/**
 * Sends to `to.dmAddress ?? to.platformUserId` through the throttled API. Rejects with
 * MessengerError when Telegram refuses for good (403: blocked or deactivated; 400: chat not
 * found) or the address is not a Telegram one; with TelegramSendError for anything else;
 * with CallbackDataError when the message has unsendable buttons.
 */
export function createTelegramMessenger(api: Api): Messenger {
  return {
    async send(to: ChatAddress, message: ChatMessage): Promise<void> {
      if (to.platform !== 'telegram') {
        throw new MessengerError(`not a Telegram address: ${to.platform}`);
      }
      const out = renderTelegramMessage(message);
      try {
        await sendChunks(api, to.dmAddress ?? to.platformUserId, out.chunks, out.keyboard);
      } catch (error) {
        if (isRefusal(error)) {
          throw new MessengerError(`Telegram refused the message (${error.error_code})`, {
            cause: error,
          });
        }
        throw new TelegramSendError('Telegram send failed', { cause: error });
      }
    },
  };
}

function isRefusal(error: unknown): error is GrammyError {
  if (!(error instanceof GrammyError)) return false;
  if (error.error_code === 403) return true;
  return (
    error.error_code === 400 &&
    /chat not found|user not found|PEER_ID_INVALID/i.test(error.description)
  );
}
