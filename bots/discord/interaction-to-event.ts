// Maps a Discord interaction to the engine's platform-neutral ChatEvent.
import type {
  ButtonInteraction,
  ChatInputCommandInteraction,
  CommandInteractionOption,
  StringSelectMenuInteraction,
  User,
} from 'discord.js';
import type { ChatEvent, ChatInput, ChatUser } from '../../src/chat/chat-types.ts';

/** The interactions the adapter answers; everything else is ignored. */
export type AnsweredInteraction =
  | ChatInputCommandInteraction
  | ButtonInteraction
  | StringSelectMenuInteraction;

/**
 * A slash command becomes a command (name lower-cased, option values joined by spaces in the
 * order Discord sent them); a button an action carrying its custom_id; a select an action
 * carrying the chosen value. updateId is the interaction id, which is unique per interaction.
 * Returns null for a select with no value (nothing was chosen), which the engine cannot act on.
 */
export function interactionToEvent(interaction: AnsweredInteraction): ChatEvent | null {
  const input = interactionInput(interaction);
  if (input === null) return null;
  // An interaction carries the user's client language; a DM message carries none.
  const user = { ...chatUser(interaction.user), locale: interaction.locale };
  return { user, input, updateId: interaction.id };
}

function interactionInput(interaction: AnsweredInteraction): ChatInput | null {
  if (interaction.isChatInputCommand()) {
    const args = optionWords(interaction.options.data).join(' ').trim();
    return { kind: 'command', command: interaction.commandName.toLowerCase(), args };
  }
  if (interaction.isButton()) return { kind: 'action', data: interaction.customId, text: null };
  const [value] = interaction.values;
  return value === undefined ? null : { kind: 'action', data: value, text: null };
}

// Subcommand options nest; our commands have none today, but flattening keeps their words.
function optionWords(options: readonly CommandInteractionOption[]): string[] {
  return options.flatMap((option) => [
    ...(option.value === undefined ? [] : [String(option.value)]),
    ...optionWords(option.options ?? []),
  ]);
}

/**
 * Discord tells no time zone (the engine asks once) and, outside interactions, no language. DMs
 * go to the user id.
 */
export function chatUser(user: User): ChatUser {
  return {
    platform: 'discord',
    platformUserId: user.id,
    displayName: user.globalName ?? user.username,
    timezone: null,
    dmAddress: null,
  };
}
