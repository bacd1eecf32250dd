// Registers the slash commands: guild-scoped (instant, for testing a server) or global.
import type { REST } from 'discord.js';
import { Routes } from 'discord.js';
import type { MenuSettings } from '../../src/chat/command-menus.ts';
import { discordCommandBodies } from './discord-commands.ts';

/**
 * Overwrites the application's commands in one PUT, so removed commands disappear too. With a
 * guildId the commands are the guild's (they appear at once); without, global. `settings` leaves
 * out what this server cannot run (default: every command). Rejects with the REST error
 * (DiscordAPIError for a refusal); 429s are retried by the REST client.
 */
export async function registerDiscordCommands(
  rest: REST,
  applicationId: string,
  guildId: string | null,
  settings?: MenuSettings,
): Promise<void> {
  const route =
    guildId === null
      ? Routes.applicationCommands(applicationId)
      : Routes.applicationGuildCommands(applicationId, guildId);
  await rest.put(route, { body: discordCommandBodies(settings) });
}
