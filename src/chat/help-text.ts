// What the bot does and its commands (from the registry), for /start, /help and hints.

import type { CommandAudience } from './chat-command-types.ts';
import { COMMAND_NAMES, commandInfo } from './chat-commands.ts';
import { meetsNeeds, type ServerSettings } from './command-settings.ts';

const INTRO = "I'm Slotline's booking assistant: I book appointments with providers for you.";

/**
 * The help lines of the commands for any of `audiences` that work with `settings`, in registry
 * order.
 */
function helpLines(audiences: readonly CommandAudience[], settings: ServerSettings): string[] {
  return COMMAND_NAMES.map(commandInfo)
    .filter((info) => audiences.includes(info.audience) && meetsNeeds(info.needs, settings))
    .flatMap((info) => info.help);
}

/** Help for everyone who is not a linked provider: the client commands and /link. */
export function clientHelp(settings: ServerSettings): string {
  return [INTRO, ...helpLines(['everyone', 'clients'], settings)].join('\n');
}

/** Help for a linked provider: the client part, then the provider commands this server runs. */
export function providerHelp(settings: ServerSettings): string {
  const providerLines = helpLines(['providers'], settings);
  return [clientHelp(settings), '', 'For providers:', ...providerLines].join('\n');
}

/** The provider commands this server runs, as '/today, /requests, ...', for the /link reply. */
export function providerCommandList(settings: ServerSettings): string {
  return COMMAND_NAMES.filter((name) => {
    const info = commandInfo(name);
    return info.audience === 'providers' && meetsNeeds(info.needs, settings);
  })
    .map((name) => `/${name}`)
    .join(', ');
}
