// Answers a slash command: acknowledge at once, ask the engine, then show its replies.
import type { ChatInputCommandInteraction } from 'discord.js';
import { MessageFlags } from 'discord.js';
import type { ChatEvent } from '../../src/chat/chat-types.ts';
import type { ChatHandler } from '../bot-adapter.ts';
import { renderDiscordMessage } from './render-discord-message.ts';
import { editOptions, followUpOptions } from './reply-options.ts';

/**
 * Defers first (ephemeral, since replies are about one user's bookings) because the engine may
 * take longer than Discord's 3-second limit for the first response. Then the first rendered
 * payload fills the deferred reply and the rest follow as ephemeral follow-ups, in order. No
 * messages (a delivery the engine has already seen) deletes the "thinking…" placeholder.
 * Rejects with the engine's or Discord's error; the caller apologises.
 */
export async function answerCommand(
  interaction: ChatInputCommandInteraction,
  event: ChatEvent,
  handle: ChatHandler,
): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const [first, ...rest] = (await handle(event)).flatMap(renderDiscordMessage);
  if (first === undefined) {
    await interaction.deleteReply();
    return;
  }
  await interaction.editReply(editOptions(first));
  for (const payload of rest) await interaction.followUp(followUpOptions(payload));
}
