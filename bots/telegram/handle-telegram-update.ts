// The one grammY middleware: update in, engine called, replies out; never throws.

import type { Api, Context } from 'grammy';
import type { ChatEvent, ChatMessage } from '../../src/chat/chat-types.ts';
import type { Translator } from '../../src/i18n/translator.ts';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import type { Logger } from '../../src/ports/logger.ts';
import type { ChatHandler } from '../bot-adapter.ts';
import { hintTranslator } from '../reader-translator.ts';
import { deliverReplies, type ReplyTarget } from './deliver-replies.ts';
import { CallbackDataError } from './render-telegram-message.ts';
import { answerPreCheckout, type TelegramPayments } from './telegram-payments.ts';
import { toChatEvent } from './to-chat-event.ts';

/** A plain message the adapter sends itself, in `t`'s language. */
function adapterMessage(t: Translator, key: 'bots.apology' | 'bots.unreadable'): ChatMessage {
  return { text: t.t(key), buttons: [], select: null, replace: false };
}

/**
 * Creates the middleware. Callback queries are answered first, whatever happens next, so the
 * user's button never spins. A handler fault becomes an apology in the user's Telegram language
 * (language_code); a failed delivery (the user blocked
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
    const t = hintTranslator(ctx.from?.language_code);
    try {
      if (mapped.kind === 'unreadable') {
        await deliverReplies(ctx.api, { chatId: mapped.chatId, sourceMessageId: null }, [
          adapterMessage(t, 'bots.unreadable'),
        ]);
      } else if (mapped.kind === 'event') {
        const target = {
          ...replyTarget(ctx, mapped.event),
          providerToken: payments?.providerToken ?? null,
        };
        await respond(ctx.api, mapped.event, target, {
          ...deps,
          apology: adapterMessage(t, 'bots.apology'),
        });
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
  deps: { readonly handle: ChatHandler; readonly logger: Logger; readonly apology: ChatMessage },
): Promise<void> {
  let replies: ChatMessage[];
  try {
    replies = await deps.handle(event);
  } catch (error) {
    deps.logger.error(
      { updateId: event.updateId, err: describeErrorSafely(error) },
      'chat handler fault',
    );
    replies = [deps.apology];
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
    await deliverReplies(api, { ...target, sourceMessageId: null }, [deps.apology]);
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
