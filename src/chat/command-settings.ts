// The server settings a command may need, how to tell they are there, and what to say when not.

import type { MessageKey } from '../i18n/catalog/en.ts';
import type { Translator } from '../i18n/translator.ts';
import type { CommandSetting } from './chat-command-types.ts';
import type { ChatDeps } from './chat-deps.ts';

const SETTINGS = {
  calendars: {
    present: (deps: Pick<ChatDeps, 'calendars'>) => deps.calendars != null,
    missing: 'commands.calendarsMissing',
  },
} as const satisfies {
  readonly [S in CommandSetting]: {
    present(deps: Pick<ChatDeps, 'calendars'>): boolean;
    missing: MessageKey;
  };
};

/** The settings a server has; /help and the menus list only the commands these satisfy. */
export type ServerSettings = ReadonlySet<CommandSetting>;

/** Every setting present: for lists that cannot depend on the server (Slack's manifest). */
export const EVERY_SETTING: ServerSettings = new Set(Object.keys(SETTINGS) as CommandSetting[]);

/** The settings the engine's `deps` show this server has. */
export function serverSettings(deps: Pick<ChatDeps, 'calendars'>): ServerSettings {
  const all = Object.keys(SETTINGS) as CommandSetting[];
  return new Set(all.filter((setting) => SETTINGS[setting].present(deps)));
}

/** True when `settings` has everything in `needs`. */
export function meetsNeeds(needs: readonly CommandSetting[], settings: ServerSettings): boolean {
  return needs.every((setting) => settings.has(setting));
}

/** What to answer instead of running a command that needs settings this server lacks, or null. */
export function missingSettingText(
  t: Translator,
  deps: ChatDeps,
  needs: readonly CommandSetting[],
): string | null {
  const missing = needs.find((setting) => !SETTINGS[setting].present(deps));
  return missing === undefined ? null : t.t(SETTINGS[missing].missing);
}
