// What every Slack listener needs, and the one guarded path from a ChatEvent to delivered replies.

import type { webApi } from '@slack/bolt';
import type { ChatEvent, ChatMessage } from '../../src/chat/chat-types.ts';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import type { Logger } from '../../src/ports/logger.ts';
import type { ChatHandler } from '../bot-adapter.ts';
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

const SORRY: ChatMessage = {
  text: 'Sorry, something went wrong on our side. Please try again in a moment, or send /help.',
  buttons: [],
  select: null,
  replace: false,
};

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
    await deliverReplies(context.poster, target, replies);
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
    await context.poster.post(target.dmChannel, SORRY).catch(() => undefined);
  }
}
