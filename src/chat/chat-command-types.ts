// What the command registry (chat-commands.ts) says about each command; handlers are in command-handlers.ts.
import type { MessageKey } from '../i18n/catalog/en.ts';
import type { Translator } from '../i18n/translator.ts';

/** Who may use a command: anyone, someone with a client record (time zone known), or a provider. */
export type CommandAudience = 'everyone' | 'clients' | 'providers';

/** Server settings a command needs; without them the engine says so instead of running it. */
export type CommandSetting = 'calendars';

/** The platforms with a command menu; the web chat has none. */
export const COMMAND_MENUS = ['telegram', 'discord', 'slack'] as const;
export type CommandMenu = (typeof COMMAND_MENUS)[number];

/**
 * A registry text, read in the reader's language: a catalog key, or (for words derived from
 * another list, such as the calendar kinds) a function of the reader's translator.
 */
export type CommandText = MessageKey | ((t: Translator) => string);

/** The one free-text option a command takes; its words become the command's args. */
export type CommandArgument = {
  /** Discord's option name: lower case, at most 32 characters. */
  readonly name: string;
  /** Discord's option description: at most 100 characters. */
  readonly description: CommandText;
  /** Slack's usage hint, e.g. "[zone]". */
  readonly hint: CommandText;
};

/** One command, everything but its handler. */
export type CommandInfo = {
  readonly audience: CommandAudience;
  /** Short, for platform menus: at most 90 characters, so Discord's 100 fit a "Providers: " prefix. */
  readonly description: CommandText;
  /** The lines /help shows for it in its audience's part; none for a command /help need not show. */
  readonly help: readonly CommandText[];
  readonly needs: readonly CommandSetting[];
  readonly argument: CommandArgument | null;
  /** The menus that list it; the engine answers it on every platform regardless. */
  readonly menus: readonly CommandMenu[];
};
