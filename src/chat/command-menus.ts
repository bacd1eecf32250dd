// The commands a platform's menu lists, derived from the registry, for the adapters to register.

import type { CommandArgument, CommandInfo, CommandMenu } from './chat-command-types.ts';
import { COMMAND_NAMES, commandInfo } from './chat-commands.ts';

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

/** The commands `menu` lists, in registry order. */
export function menuCommands(menu: CommandMenu): MenuCommand[] {
  return COMMAND_NAMES.filter((name) => commandInfo(name).menus.includes(menu)).map((name) => {
    const info = commandInfo(name);
    return { name, description: menuDescription(info), argument: info.argument };
  });
}
