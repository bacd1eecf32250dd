// What the bot does and its commands (from the registry), for /start, /help and hints.

import type { Translator } from '../i18n/translator.ts';
import type { CommandAudience } from './chat-command-types.ts';
import { COMMAND_NAMES, commandInfo, commandText } from './chat-commands.ts';
import { meetsNeeds, type ServerSettings } from './command-settings.ts';

/**
 * The help lines of the commands for any of `audiences` that work with `settings`, in registry
 * order, in `t`'s language.
 */
function helpLines(
  t: Translator,
  audiences: readonly CommandAudience[],
  settings: ServerSettings,
): string[] {
  return COMMAND_NAMES.map(commandInfo)
    .filter((info) => audiences.includes(info.audience) && meetsNeeds(info.needs, settings))
    .flatMap((info) => info.help.map((text) => commandText(t, text)));
}

/**
 * Help for everyone who is not a linked provider: the client commands and /link. With `name`
 * the first line greets them by it.
 */
export function clientHelp(t: Translator, settings: ServerSettings, name?: string): string {
  const intro = name === undefined ? t.t('help.intro') : t.t('help.helloIntro', { name });
  return [intro, ...helpLines(t, ['everyone', 'clients'], settings)].join('\n');
}

/** Help for a linked provider: the client part, then the provider commands this server runs. */
export function providerHelp(t: Translator, settings: ServerSettings): string {
  const providerLines = helpLines(t, ['providers'], settings);
  return [clientHelp(t, settings), '', t.t('help.forProviders'), ...providerLines].join('\n');
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
