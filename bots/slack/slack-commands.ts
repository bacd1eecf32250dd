// The slash commands the Slack app declares (manifest.json) and the adapter listens for.
import { menuCommands } from '../../src/chat/command-menus.ts';
import { translatorFor } from '../../src/i18n/translator.ts';

/**
 * One entry of the manifest's features.slash_commands.
 * @internal Exported for tests too.
 */
export type SlackManifestCommand = {
  readonly command: string;
  readonly url: string;
  readonly description: string;
  readonly should_escape: false;
  readonly usage_hint?: string;
};

/**
 * The manifest's language: Slack's app manifest has no localisation of slash commands, so their
 * descriptions and hints are English for everyone (the replies are in each user's language).
 */
const MANIFEST = translatorFor('en');

/**
 * Without the slash; the registry leaves out `start`, which Slack replaces with the App Home.
 * Every command, whatever the server has: the manifest is fixed ahead of the server, and a
 * command that needs a missing setting answers that it is not set up.
 */
export const SLACK_COMMANDS: readonly string[] = menuCommands(MANIFEST, 'slack').map(
  ({ name }) => name,
);

/**
 * What manifest.json must declare, every command on the one events URL; a test compares the
 * file with it, so a registry change shows up as a diff to copy into the manifest.
 * @internal Exported for tests too.
 */
export function slackManifestCommands(eventsUrl: string): SlackManifestCommand[] {
  return menuCommands(MANIFEST, 'slack').map(({ name, description, argument }) => ({
    command: `/${name}`,
    url: eventsUrl,
    description,
    should_escape: false,
    ...(argument === null ? {} : { usage_hint: argument.hint }),
  }));
}
