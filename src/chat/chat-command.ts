// The slash-command router: the registry's command, behind its audience and settings gates.
import {
  CHAT_COMMANDS,
  type CommandNameFor,
  isCommandFor,
  isCommandName,
} from './chat-commands.ts';
import { chatMessage } from './chat-message.ts';
import { COMMAND_HANDLERS } from './command-handlers.ts';
import { missingSettingText } from './command-settings.ts';
import type { ConversationState } from './conversation-state.ts';
import { askTimezone } from './timezone-flow.ts';
import { isClientTurn, type Turn, type TurnResult } from './turn.ts';
import { greeting, keep } from './turn-replies.ts';

type Reply = Promise<TurnResult> | TurnResult;

/** Runs `command` (already cleaned: lower case, no slash); unknown ones get a pointer to /help. */
export async function onCommand(
  turn: Turn,
  command: string,
  args: string,
  state: ConversationState | null,
): Promise<TurnResult> {
  if (!isCommandName(command)) {
    return keep(
      state,
      chatMessage(turn.t.t('commands.unknown', { command: command.slice(0, 32) })),
    );
  }
  const missing = missingSettingText(turn.t, turn.deps, CHAT_COMMANDS[command].needs);
  const refuse = (text: string) => keep(state, chatMessage(text));
  if (isCommandFor(command, 'everyone')) {
    return missing ? refuse(missing) : COMMAND_HANDLERS[command](turn, args, state);
  }
  if (isCommandFor(command, 'clients')) {
    // The time zone comes first; timezone-flow.ts resumes the command once it is answered.
    if (!isClientTurn(turn)) return askTimezone(turn.t, { command, args }, [greeting(turn)]);
    return missing ? refuse(missing) : COMMAND_HANDLERS[command](turn, args, state);
  }
  // Only provider commands are left: a new audience makes this call a compile error.
  return runProviderCommand(turn, command, args, state, missing);
}

/** A provider command needs a linked provider profile; the settings gate comes after. */
function runProviderCommand(
  turn: Turn,
  name: CommandNameFor<'providers'>,
  args: string,
  state: ConversationState | null,
  missing: string | null,
): Reply {
  const providerId = turn.identity.providerId;
  if (providerId === null) {
    return keep(state, chatMessage(turn.t.t('commands.providersOnly', { command: name })));
  }
  if (missing) return keep(state, chatMessage(missing));
  return COMMAND_HANDLERS[name]({ ...turn, providerId }, args, state);
}
