// App Home: on app_home_opened, publish the engine's `today` reply (providers) or a short help.
import type { App } from '@slack/bolt';
import type { ChatMessage } from '../../src/chat/chat-types.ts';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import { hintTranslator } from '../reader-translator.ts';
import { renderBlocks, type SlackBlock } from './render-blocks.ts';
import type { SlackContext } from './slack-context.ts';
import { appHomeOpenedSchema } from './slack-payloads.ts';

/** Slack's limit for a Home tab view. */
const MAX_HOME_BLOCKS = 100;

/**
 * Publishes with views.publish. The engine answers `today` for linked providers; for anyone else
 * (or when it fails) the tab shows a short help in the user's Slack language, so opening the tab
 * never errors. A retried event
 * (the engine returns nothing for a repeated updateId) publishes nothing.
 */
export function registerAppHome(app: App, context: SlackContext): void {
  app.event('app_home_opened', async ({ body }) => {
    const parsed = appHomeOpenedSchema.safeParse(body);
    if (!parsed.success || parsed.data.event.tab !== 'home') return;
    const { event, event_id } = parsed.data;
    const home = await todayReplies(context, event.user, event_id);
    if (home === null) return;
    const help = hintTranslator(home.locale).t('bots.appHome');
    await context.client.views.publish({
      user_id: event.user,
      view: { type: 'home', blocks: homeBlocks(help, home.replies) },
    });
  });
}

async function todayReplies(
  context: SlackContext,
  userId: string,
  eventId: string,
): Promise<HomeReplies | null> {
  let locale: string | null = null;
  try {
    const user = await context.directory.chatUser(userId, userId);
    locale = user.locale ?? null;
    const replies = await context.handle({
      user,
      input: { kind: 'command', command: 'today', args: '' },
      updateId: eventId,
    });
    return replies.length === 0 ? null : { replies, locale };
  } catch (error) {
    context.logger.error(
      { platform: 'slack', userId, err: describeErrorSafely(error) },
      'App Home failed',
    );
    return { replies: [], locale };
  }
}

/** The engine's replies for the tab, and the language Slack says the user reads. */
type HomeReplies = { readonly replies: ChatMessage[]; readonly locale: string | null };

function homeBlocks(helpText: string, replies: readonly ChatMessage[]): SlackBlock[] {
  const help: SlackBlock = { type: 'section', text: { type: 'plain_text', text: helpText } };
  const divider: SlackBlock = { type: 'divider' };
  const today = replies.flatMap((reply) => [divider, ...renderBlocks(reply)]);
  return [help, ...today].slice(0, MAX_HOME_BLOCKS);
}
