// Slash commands: `/book massage` becomes command { command: 'book', args: 'massage' }.
import type { App } from '@slack/bolt';
import { SLACK_COMMANDS } from './slack-commands.ts';
import { runChatEvent, type SlackContext } from './slack-context.ts';
import { slashCommandSchema } from './slack-payloads.ts';

/**
 * Acks at once (replies arrive as DMs, so outside the DM a short ephemeral note says where), then
 * runs the engine with updateId = trigger_id. A payload that does not parse is acked and dropped.
 */
export function registerSlashCommands(app: App, context: SlackContext): void {
  const commands = new RegExp(`^/(${SLACK_COMMANDS.join('|')})$`);
  app.command(commands, async ({ ack, body }) => {
    const parsed = slashCommandSchema.safeParse(body);
    const inDm = parsed.success && parsed.data.channel_name === 'directmessage';
    await ack(inDm ? undefined : { response_type: 'ephemeral', text: 'I will answer in our DM.' });
    if (!parsed.success) {
      context.logger.warn({ platform: 'slack' }, 'unreadable slash command payload');
      return;
    }
    const command = parsed.data;
    const user = await context.directory.chatUser(command.user_id, command.user_name);
    await runChatEvent(
      context,
      {
        user,
        input: {
          kind: 'command',
          command: command.command.slice(1).toLowerCase(),
          args: command.text.trim(),
        },
        updateId: command.trigger_id,
      },
      { dmChannel: user.dmAddress, source: null, actor: command.user_id },
    );
  });
}
