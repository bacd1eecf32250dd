// The server settings a command may need, how to tell they are there, and what to say when not.

import type { CommandSetting } from './chat-command-types.ts';
import type { ChatDeps } from './chat-deps.ts';

const SETTINGS = {
  calendars: {
    present: (deps: ChatDeps) => deps.calendars != null,
    missing: 'Calendar sync is not set up on this server.',
  },
} as const satisfies {
  readonly [S in CommandSetting]: { present(deps: ChatDeps): boolean; missing: string };
};

/** What to answer instead of running a command that needs settings this server lacks, or null. */
export function missingSettingText(
  deps: ChatDeps,
  needs: readonly CommandSetting[],
): string | null {
  const missing = needs.find((setting) => !SETTINGS[setting].present(deps));
  return missing === undefined ? null : SETTINGS[missing].missing;
}
