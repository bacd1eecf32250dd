// The one grammY middleware: update in, engine called, replies out; never throws.

import type { Api, Context } from 'grammy';
import type { ChatEvent, ChatMessage } from '../../src/chat/chat-types.ts';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import type { Logger } from '../../src/ports/logger.ts';
import type { ChatHandler } from '../bot-adapter.ts';
import { deliverReplies, type ReplyTarget } from './deliver-replies.ts';
import { CallbackDataError } from './render-telegram-message.ts';
import { answerPreCheckout, type TelegramPayments } from './telegram-payments.ts';
import { toChatEvent } from './to-chat-event.ts';

const APOLOGY: ChatMessage = {
  text: 'Sorry, something went wrong on our side. Please try again in a moment, or send /help.',
  buttons: [],
  select: null,
  replace: false,
};

const UNREADABLE_HINT: ChatMessage = {
  text: 'I can only read text messages and button presses. Send /book to book, or /help.',
  buttons: [],
  select: null,
  replace: false,
};

/**
 * Creates the middleware. Callback queries are answered first, whatever happens next, so the
 * user's button never spins. A handler fault becomes APOLOGY; a failed delivery (the user blocked
 * the bot, Telegram down) is logged. Logs carry the update id and fault shape, never user data.
 */
export function createUpdateMiddleware(deps: {
  readonly handle: ChatHandler;
  readonly logger: Logger;
  /** Native invoices; null: payments in Telegram are off and pre-checkouts are refused. */
  readonly payments?: TelegramPayments | null;
}): (ctx: Context) => Promise<void> {
  const payments = deps.payments ?? null;
  return async (ctx) => {
    const updateId = ctx.update.update_id;
    if (ctx.preCheckoutQuery) {
      await answerPreCheckout(ctx.api, ctx.preCheckoutQuery, payments, deps.logger);
      return;
    }
    if (ctx.callbackQuery) await answerQuietly(ctx, deps.logger);
    const mapped = toChatEvent(ctx.update);
    try {
      if (mapped.kind === 'unreadable') {
        await deliverReplies(ctx.api, { chatId: mapped.chatId, sourceMessageId: null }, [
          UNREADABLE_HINT,
        ]);
      } else if (mapped.kind === 'event') {
        const target = {
          ...replyTarget(ctx, mapped.event),
          providerToken: payments?.providerToken ?? null,
        };
        await respond(ctx.api, mapped.event, target, deps);
      }
    } catch (error) {
      deps.logger.warn(
        { updateId, err: describeErrorSafely(error) },
        'telegram reply not delivered',
      );
    }
  };
}

async function respond(
  api: Api,
  event: ChatEvent,
  target: ReplyTarget,
  deps: { readonly handle: ChatHandler; readonly logger: Logger },
): Promise<void> {
  let replies: ChatMessage[];
  try {
    replies = await deps.handle(event);
  } catch (error) {
    deps.logger.error(
      { updateId: event.updateId, err: describeErrorSafely(error) },
      'chat handler fault',
    );
    replies = [APOLOGY];
  }
  try {
    await deliverReplies(api, target, replies);
  } catch (error) {
    if (!(error instanceof CallbackDataError)) throw error;
    // A rendering bug in the engine's replies: tell the user something rather than nothing.
    deps.logger.error(
      { updateId: event.updateId, err: describeErrorSafely(error) },
      'unsendable reply',
    );
    await deliverReplies(api, { ...target, sourceMessageId: null }, [APOLOGY]);
  }
}

function replyTarget(ctx: Context, event: ChatEvent): ReplyTarget {
  const source = ctx.callbackQuery?.message;
  // date 0 marks an inaccessible message, which cannot be edited.
  const sourceMessageId = source && source.date !== 0 ? source.message_id : null;
  return { chatId: event.user.dmAddress ?? event.user.platformUserId, sourceMessageId };
}

async function answerQuietly(ctx: Context, logger: Logger): Promise<void> {
  try {
    await ctx.answerCallbackQuery();
  } catch (error) {
    // Too old or already answered: nothing the user can be told about.
    logger.warn(
      { updateId: ctx.update.update_id, err: describeErrorSafely(error) },
      'answer failed',
    );
  }
}
