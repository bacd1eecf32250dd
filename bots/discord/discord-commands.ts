// The registry's commands as Discord slash commands, in the JSON the REST API takes.
import type { LocalizationMap, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { Locale, SlashCommandBuilder } from 'discord.js';
import { type MenuCommand, type MenuSettings, menuCommands } from '../../src/chat/command-menus.ts';
import type { Language } from '../../src/i18n/languages.ts';
import { translatorFor } from '../../src/i18n/translator.ts';

/** Every registry language but the default (English), as Discord names its locale. */
const DISCORD_LOCALES: { readonly [L in Exclude<Language, 'en'>]: Locale } = { de: Locale.German };

/** The menu in each localised language, for the localisation maps. */
function localisedMenus(settings?: MenuSettings): [Locale, MenuCommand[]][] {
  return Object.entries(DISCORD_LOCALES).map(([lang, locale]) => [
    locale,
    menuCommands(translatorFor(lang as keyof typeof DISCORD_LOCALES), 'discord', settings),
  ]);
}

/** The localised texts of command `index` that `read` picks, as Discord's locale map. */
function localisations(
  menus: readonly [Locale, MenuCommand[]][],
  index: number,
  read: (command: MenuCommand) => string | undefined,
): LocalizationMap {
  const entries = menus.flatMap(([locale, commands]) => {
    const command = commands[index];
    const text = command === undefined ? undefined : read(command);
    return text === undefined ? [] : [[locale, text] as const];
  });
  return Object.fromEntries(entries);
}

/**
 * Bodies for a bulk overwrite (PUT) of the application's commands. Validated by the builders:
 * names lower-case, descriptions within 100 characters. Names are the same in every language;
 * descriptions are English with a localisation per other language (Discord shows the user's).
 * Every option is optional: the engine answers a bare command with what it needs next. Only the
 * commands that work with `settings` (the server's); every command without them.
 */
export function discordCommandBodies(
  settings?: MenuSettings,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  const menus = localisedMenus(settings);
  const english = menuCommands(translatorFor('en'), 'discord', settings);
  return english.map(({ name, description, argument: option }, index) => {
    const builder = new SlashCommandBuilder()
      .setName(name)
      .setDescription(description)
      .setDescriptionLocalizations(localisations(menus, index, (c) => c.description));
    if (option !== null) {
      const optionTexts = localisations(menus, index, (c) => c.argument?.description);
      builder.addStringOption((built) =>
        built
          .setName(option.name)
          .setDescription(option.description)
          .setDescriptionLocalizations(optionTexts)
          .setRequired(false)
          .setMaxLength(200),
      );
    }
    return builder.toJSON();
  });
}
