// Slash commands: `/book massage` becomes command { command: 'book', args: 'massage' }.
import type { App } from '@slack/bolt';
import type { ChatUser } from '../../src/chat/chat-types.ts';
import { hintTranslator } from '../reader-translator.ts';
import { SLACK_COMMANDS } from './slack-commands.ts';
import { runChatEvent, type SlackContext } from './slack-context.ts';
import { slashCommandSchema } from './slack-payloads.ts';

/** How long the ack waits for the user's profile (for the note's language): Slack allows 3 s. */
const PROFILE_WAIT_MS = 1_000;

/**
 * Acks at once (replies arrive as DMs, so outside the DM a short ephemeral note says where, in
 * the user's Slack language when their profile comes within a second), then runs the engine
 * with updateId = trigger_id. A payload that does not parse is acked and dropped.
 */
export function registerSlashCommands(app: App, context: SlackContext): void {
  const commands = new RegExp(`^/(${SLACK_COMMANDS.join('|')})$`);
  app.command(commands, async ({ ack, body }) => {
    const parsed = slashCommandSchema.safeParse(body);
    if (!parsed.success) {
      await ack();
      context.logger.warn({ platform: 'slack' }, 'unreadable slash command payload');
      return;
    }
    const command = parsed.data;
    const looked = context.directory.chatUser(command.user_id, command.user_name);
    if (command.channel_name === 'directmessage') await ack();
    else await ack({ response_type: 'ephemeral', text: await dmNote(looked) });
    const user = await looked;
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

/** "I will answer in our DM." in the user's language, or English when the profile is slow. */
async function dmNote(user: Promise<ChatUser>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), PROFILE_WAIT_MS);
  });
  const found = user.then((u) => u.locale ?? null).catch(() => null);
  const locale = await Promise.race([found, late]).finally(() => clearTimeout(timer));
  return hintTranslator(locale).t('bots.answerInDm');
}
