// The commands a platform's menu lists, derived from the registry, for the adapters to register.

import type { CommandArgument, CommandInfo, CommandMenu } from './chat-command-types.ts';
import { COMMAND_NAMES, commandInfo } from './chat-commands.ts';
import { EVERY_SETTING, meetsNeeds, type ServerSettings } from './command-settings.ts';

/** The settings of the server a menu is for, as serverSettings gives them (adapters' type). */
export type MenuSettings = ServerSettings;

/** One menu entry; each adapter maps it to its platform's shape and limits. */
export type MenuCommand = {
  /** Without the slash, lower case. */
  readonly name: string;
  readonly description: string;
  readonly argument: CommandArgument | null;
};

/** The menu text: provider commands say so, since every menu shows them to everyone. */
function menuDescription(info: CommandInfo): string {
  return info.audience === 'providers' ? `Providers: ${info.description}` : info.description;
}

/**
 * The commands `menu` lists that work with `settings` (the server's, see serverSettings), in
 * registry order. Without `settings` it lists every command, as a menu fixed ahead of the
 * server (Slack's manifest) must.
 */
export function menuCommands(
  menu: CommandMenu,
  settings: MenuSettings = EVERY_SETTING,
): MenuCommand[] {
  return COMMAND_NAMES.filter((name) => {
    const info = commandInfo(name);
    return info.menus.includes(menu) && meetsNeeds(info.needs, settings);
  }).map((name) => {
    const info = commandInfo(name);
    return { name, description: menuDescription(info), argument: info.argument };
  });
}
