// What every Slack listener needs, and the one guarded path from a ChatEvent to delivered replies.

import type { webApi } from '@slack/bolt';
import type { ChatEvent, ChatMessage } from '../../src/chat/chat-types.ts';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import type { Logger } from '../../src/ports/logger.ts';
import type { ChatHandler } from '../bot-adapter.ts';
import { hintTranslator } from '../reader-translator.ts';
import { deliverReplies, type ReplyTarget } from './deliver-replies.ts';
import type { SlackPoster } from './slack-poster.ts';
import type { SlackUserDirectory } from './slack-user-directory.ts';

export type SlackContext = {
  readonly client: webApi.WebClient;
  readonly handle: ChatHandler;
  readonly directory: SlackUserDirectory;
  readonly poster: SlackPoster;
  readonly logger: Logger;
};

/** The apology, in the language Slack says the user reads. */
function sorry(locale: string | null | undefined): ChatMessage {
  const text = hintTranslator(locale).t('bots.apology');
  return { text, buttons: [], select: null, replace: false };
}

/**
 * Runs the engine and delivers its replies. Never rejects: an engine or Slack failure is logged
 * (ids only) and the user, when reachable, gets a short apology with a way on.
 */
export async function runChatEvent(
  context: SlackContext,
  event: ChatEvent,
  target: ReplyTarget,
): Promise<void> {
  try {
    const replies = await context.handle(event);
    await deliverReplies(context.poster, target, replies, hintTranslator(event.user.locale));
  } catch (error) {
    context.logger.error(
      {
        platform: 'slack',
        userId: event.user.platformUserId,
        updateId: event.updateId,
        err: describeErrorSafely(error),
      },
      'Slack event failed',
    );
    await context.poster.post(target.dmChannel, sorry(event.user.locale)).catch(() => undefined);
  }
}
