// Discord reply options for a rendered payload: no pings, follow-ups only for the user who acted.
import type { InteractionEditReplyOptions, InteractionReplyOptions } from 'discord.js';
import { MessageFlags } from 'discord.js';
import type { DiscordPayload } from './render-discord-message.ts';

// Engine text can quote names users typed; "@everyone" in one must not ping a whole server.
const NO_MENTIONS = { parse: [] };

/** Options that overwrite a message entirely: content and components both, so none are left over. */
export function editOptions(payload: DiscordPayload): InteractionEditReplyOptions {
  return {
    content: payload.content,
    components: [...payload.components],
    allowedMentions: NO_MENTIONS,
  };
}

/** Options for an ephemeral follow-up; empty content is left out (a components-only message). */
export function followUpOptions(payload: DiscordPayload): InteractionReplyOptions {
  return {
    ...(payload.content === '' ? {} : { content: payload.content }),
    components: [...payload.components],
    allowedMentions: NO_MENTIONS,
    flags: MessageFlags.Ephemeral,
  };
}
