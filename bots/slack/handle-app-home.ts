// App Home: on app_home_opened, publish the engine's `today` reply (providers) or a short help.
import type { App } from '@slack/bolt';
import type { ChatMessage } from '../../src/chat/chat-types.ts';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import { renderBlocks, type SlackBlock } from './render-blocks.ts';
import type { SlackContext } from './slack-context.ts';
import { appHomeOpenedSchema } from './slack-payloads.ts';

/** Slack's limit for a Home tab view. */
const MAX_HOME_BLOCKS = 100;
const HELP_TEXT =
  'Hi! I book appointments. Send /book to find a time, /mybookings to see yours, /help for more.\n' +
  'Providers: /link connects your account; then this tab shows your day.';

/**
 * Publishes with views.publish. The engine answers `today` for linked providers; for anyone else
 * (or when it fails) the tab shows HELP_TEXT, so opening the tab never errors. A retried event
 * (the engine returns nothing for a repeated updateId) publishes nothing.
 */
export function registerAppHome(app: App, context: SlackContext): void {
  app.event('app_home_opened', async ({ body }) => {
    const parsed = appHomeOpenedSchema.safeParse(body);
    if (!parsed.success || parsed.data.event.tab !== 'home') return;
    const { event, event_id } = parsed.data;
    const replies = await todayReplies(context, event.user, event_id);
    if (replies === null) return;
    await context.client.views.publish({
      user_id: event.user,
      view: { type: 'home', blocks: homeBlocks(replies) },
    });
  });
}

async function todayReplies(
  context: SlackContext,
  userId: string,
  eventId: string,
): Promise<ChatMessage[] | null> {
  try {
    const user = await context.directory.chatUser(userId, userId);
    const replies = await context.handle({
      user,
      input: { kind: 'command', command: 'today', args: '' },
      updateId: eventId,
    });
    return replies.length === 0 ? null : replies;
  } catch (error) {
    context.logger.error(
      { platform: 'slack', userId, err: describeErrorSafely(error) },
      'App Home failed',
    );
    return [];
  }
}

function homeBlocks(replies: readonly ChatMessage[]): SlackBlock[] {
  const help: SlackBlock = { type: 'section', text: { type: 'plain_text', text: HELP_TEXT } };
  const divider: SlackBlock = { type: 'divider' };
  const today = replies.flatMap((reply) => [divider, ...renderBlocks(reply)]);
  return [help, ...today].slice(0, MAX_HOME_BLOCKS);
}
