// A plain DM to the bot becomes text input (Bolt acks events itself before listeners run).
import type { App } from '@slack/bolt';
import { runChatEvent, type SlackContext } from './slack-context.ts';
import { directMessageSchema } from './slack-payloads.ts';

/**
 * Only human DMs count: edits, joins, bot messages (our own included) are ignored. updateId is
 * the event_id, which Slack repeats when it retries a delivery.
 */
export function registerDirectMessages(app: App, context: SlackContext): void {
  app.event('message', async ({ body }) => {
    const parsed = directMessageSchema.safeParse(body);
    if (!parsed.success) return;
    const { event, event_id } = parsed.data;
    if (event.subtype !== undefined || event.bot_id !== undefined) return;
    const user = await context.directory.chatUser(event.user, event.user);
    await runChatEvent(
      context,
      { user, input: { kind: 'text', text: event.text }, updateId: event_id },
      { dmChannel: event.channel, source: null, actor: event.user },
    );
  });
}
