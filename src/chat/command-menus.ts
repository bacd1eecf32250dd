// The commands a platform's menu lists, derived from the registry, for the adapters to register.

import type { Translator } from '../i18n/translator.ts';
import type { CommandArgument, CommandInfo, CommandMenu } from './chat-command-types.ts';
import { COMMAND_NAMES, commandInfo, commandText } from './chat-commands.ts';
import { EVERY_SETTING, meetsNeeds, type ServerSettings } from './command-settings.ts';

/** The settings of the server a menu is for, as serverSettings gives them (adapters' type). */
export type MenuSettings = ServerSettings;

/** A command's option, its texts in the menu's language. */
type MenuArgument = { readonly [K in keyof CommandArgument]: string };

/** One menu entry, in one language; each adapter maps it to its platform's shape and limits. */
export type MenuCommand = {
  /** Without the slash, lower case; the same in every language. */
  readonly name: string;
  readonly description: string;
  readonly argument: MenuArgument | null;
};

/** The menu text: provider commands say so, since every menu shows them to everyone. */
function menuDescription(t: Translator, info: CommandInfo): string {
  const description = commandText(t, info.description);
  return info.audience === 'providers'
    ? t.t('commands.forProviders', { description })
    : description;
}

function menuArgument(t: Translator, argument: CommandArgument | null): MenuArgument | null {
  if (argument === null) return null;
  return {
    name: argument.name,
    description: commandText(t, argument.description),
    hint: commandText(t, argument.hint),
  };
}

/**
 * The commands `menu` lists that work with `settings` (the server's, see serverSettings), in
 * registry order, in `t`'s language. Without `settings` it lists every command, as a menu fixed
 * ahead of the server (Slack's manifest) must.
 */
export function menuCommands(
  t: Translator,
  menu: CommandMenu,
  settings: MenuSettings = EVERY_SETTING,
): MenuCommand[] {
  return COMMAND_NAMES.filter((name) => {
    const info = commandInfo(name);
    return info.menus.includes(menu) && meetsNeeds(info.needs, settings);
  }).map((name) => {
    const info = commandInfo(name);
    return {
      name,
      description: menuDescription(t, info),
      argument: menuArgument(t, info.argument),
    };
  });
}
