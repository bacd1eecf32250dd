// The registry's commands as Discord slash commands, in the JSON the REST API takes.
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { SlashCommandBuilder } from 'discord.js';
import { type MenuSettings, menuCommands } from '../../src/chat/command-menus.ts';

/**
 * Bodies for a bulk overwrite (PUT) of the application's commands. Validated by the builders:
 * names lower-case, descriptions within 100 characters. Every option is optional: the engine
 * answers a bare command with what it needs next. Only the commands that work with `settings`
 * (the server's); every command without them.
 */
export function discordCommandBodies(
  settings?: MenuSettings,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return menuCommands('discord', settings).map(({ name, description, argument: option }) => {
    const builder = new SlashCommandBuilder().setName(name).setDescription(description);
    if (option !== null) {
      builder.addStringOption((built) =>
        built
          .setName(option.name)
          .setDescription(option.description)
          .setRequired(false)
          .setMaxLength(200),
      );
    }
    return builder.toJSON();
  });
}
