// Answers a button press or select choice: acknowledge at once, ask the engine, show its replies.
import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import type { ChatEvent, ChatMessage } from '../../src/chat/chat-types.ts';
import type { ChatHandler } from '../bot-adapter.ts';
import { type DiscordPayload, renderDiscordMessage } from './render-discord-message.ts';
import { editOptions, followUpOptions } from './reply-options.ts';

/**
 * Defers as an update (no new message, no "thinking…") within Discord's 3 seconds. When the
 * engine's first message has `replace`, it is put in place of the message the component was on
 * (a flow advancing in place); everything else follows as ephemeral follow-ups, in order. Only
 * the first message may replace: a second edit would overwrite the first and lose its text.
 * Rejects with the engine's or Discord's error; the caller apologises.
 */
export async function answerComponent(
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  event: ChatEvent,
  handle: ChatHandler,
): Promise<void> {
  await interaction.deferUpdate();
  const [first, ...rest] = await handle(event);
  if (first === undefined) return;
  const { replacement, followUps } = splitReplacement(first, rest);
  if (replacement !== null) await interaction.editReply(editOptions(replacement));
  for (const payload of followUps) await interaction.followUp(followUpOptions(payload));
}

function splitReplacement(
  first: ChatMessage,
  rest: readonly ChatMessage[],
): { replacement: DiscordPayload | null; followUps: DiscordPayload[] } {
  const later = rest.flatMap(renderDiscordMessage);
  if (!first.replace)
    return { replacement: null, followUps: [...renderDiscordMessage(first), ...later] };
  const [head, ...tail] = renderDiscordMessage(first);
  return { replacement: head ?? null, followUps: [...tail, ...later] };
}
