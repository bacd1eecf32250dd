// Registers the slash commands: guild-scoped (instant, for testing a server) or global.
import type { REST } from 'discord.js';
import { Routes } from 'discord.js';
import { discordCommandBodies } from './discord-commands.ts';

/**
 * Overwrites the application's commands in one PUT, so removed commands disappear too. With a
 * guildId the commands are the guild's (they appear at once); without, global. Rejects with the
 * REST error (DiscordAPIError for a refusal); 429s are retried by the REST client.
 */
export async function registerDiscordCommands(
  rest: REST,
  applicationId: string,
  guildId: string | null,
): Promise<void> {
  const route =
    guildId === null
      ? Routes.applicationCommands(applicationId)
      : Routes.applicationGuildCommands(applicationId, guildId);
  await rest.put(route, { body: discordCommandBodies() });
}
