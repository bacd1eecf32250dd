// The chat command registry: words, audience and needs; dispatch, /help and the menus derive from it.
import type { Translator } from '../i18n/translator.ts';
import type { CommandAudience, CommandInfo, CommandText } from './chat-command-types.ts';
import { COMMAND_MENUS } from './chat-command-types.ts';
import {
  connectChoicesHint,
  connectChoicesSpoken,
  connectDescription,
  connectHelpLine,
} from './connect-command-words.ts';

/**
 * In the order /help and the menus list them. Texts are catalog keys (commandText reads them).
 * Providers' descriptions start in lower case: the menus prefix them with "Providers: ".
 */
export const CHAT_COMMANDS = {
  start: {
    audience: 'everyone',
    description: 'commands.start',
    help: [],
    needs: [],
    argument: null,
    // Only Telegram sends /start when a chat opens; Slack has its App Home, Discord its profile.
    menus: ['telegram'],
  },
  book: {
    audience: 'clients',
    description: 'commands.book',
    help: ['help.book', 'help.bookSeries'],
    needs: [],
    argument: {
      name: 'request',
      description: 'commands.book.argument',
      hint: 'commands.book.hint',
    },
    menus: COMMAND_MENUS,
  },
  mybookings: {
    audience: 'clients',
    description: 'commands.mybookings',
    help: ['help.mybookings'],
    needs: [],
    argument: null,
    menus: COMMAND_MENUS,
  },
  waitlist: {
    audience: 'clients',
    description: 'commands.waitlist',
    help: ['help.waitlist'],
    needs: [],
    argument: {
      name: 'days',
      description: 'commands.waitlist.argument',
      hint: 'commands.waitlist.hint',
    },
    menus: COMMAND_MENUS,
  },
  timezone: {
    audience: 'everyone',
    description: 'commands.timezone',
    help: ['help.timezone'],
    needs: [],
    argument: {
      name: 'zone',
      description: 'commands.timezone.argument',
      hint: 'commands.timezone.hint',
    },
    menus: COMMAND_MENUS,
  },
  language: {
    audience: 'everyone',
    description: 'language.description',
    help: ['language.help'],
    needs: [],
    argument: {
      name: 'language',
      description: 'language.argument',
      hint: 'language.hint',
    },
    menus: COMMAND_MENUS,
  },
  email: {
    audience: 'clients',
    description: 'commands.email',
    help: ['help.email'],
    needs: [],
    argument: {
      name: 'address',
      description: 'commands.email.argument',
      hint: 'commands.email.hint',
    },
    menus: COMMAND_MENUS,
  },
  help: {
    audience: 'everyone',
    description: 'commands.help',
    help: ['help.help'],
    needs: [],
    argument: null,
    menus: COMMAND_MENUS,
  },
  link: {
    audience: 'everyone',
    description: 'commands.link',
    help: ['help.link'],
    needs: [],
    argument: { name: 'code', description: 'commands.link.argument', hint: 'commands.link.hint' },
    menus: COMMAND_MENUS,
  },
  today: {
    audience: 'providers',
    description: 'commands.today',
    help: ['help.today'],
    needs: [],
    argument: null,
    menus: COMMAND_MENUS,
  },
  requests: {
    audience: 'providers',
    description: 'commands.requests',
    help: ['help.requests'],
    needs: [],
    argument: { name: 'page', description: 'commands.page.argument', hint: 'commands.page.hint' },
    menus: COMMAND_MENUS,
  },
  week: {
    audience: 'providers',
    description: 'commands.week',
    help: ['help.week'],
    needs: [],
    argument: { name: 'page', description: 'commands.page.argument', hint: 'commands.page.hint' },
    menus: COMMAND_MENUS,
  },
  block: {
    audience: 'providers',
    description: 'commands.block',
    help: ['help.block'],
    needs: [],
    argument: {
      name: 'when',
      description: 'commands.block.argument',
      hint: 'commands.block.hint',
    },
    menus: COMMAND_MENUS,
  },
  unblock: {
    audience: 'providers',
    description: 'commands.unblock',
    help: ['help.unblock'],
    needs: [],
    argument: {
      name: 'when',
      description: 'commands.unblock.argument',
      hint: 'commands.unblock.hint',
    },
    menus: COMMAND_MENUS,
  },
  connect: {
    audience: 'providers',
    description: connectDescription,
    help: [connectHelpLine],
    needs: ['calendars'],
    argument: { name: 'calendar', description: connectChoicesSpoken, hint: connectChoicesHint },
    menus: COMMAND_MENUS,
  },
  sync: {
    audience: 'providers',
    description: 'commands.sync',
    help: ['help.sync'],
    needs: ['calendars'],
    argument: null,
    menus: COMMAND_MENUS,
  },
  disconnect: {
    audience: 'providers',
    description: 'commands.disconnect',
    help: ['help.disconnect'],
    needs: ['calendars'],
    argument: null,
    menus: COMMAND_MENUS,
  },
} as const satisfies Readonly<Record<string, CommandInfo>>;

export type CommandName = keyof typeof CHAT_COMMANDS;

/** Whether `word` (lower case, no slash) names a registered command. */
export function isCommandName(word: string): word is CommandName {
  return Object.hasOwn(CHAT_COMMANDS, word);
}

/** The names of the commands for `A`. */
export type CommandNameFor<A extends CommandAudience> = {
  [N in CommandName]: (typeof CHAT_COMMANDS)[N]['audience'] extends A ? N : never;
}[CommandName];

/** Whether command `name` is for `audience`; narrows the name, and so its handler's turn. */
export function isCommandFor<A extends CommandAudience>(
  name: CommandName,
  audience: A,
): name is CommandNameFor<A> {
  return CHAT_COMMANDS[name].audience === audience;
}

/** Every command name, in registry order. */
export const COMMAND_NAMES: readonly CommandName[] =
  Object.keys(CHAT_COMMANDS).filter(isCommandName);

/** The registry's entry for `name`, typed as the general shape. */
export function commandInfo(name: CommandName): CommandInfo {
  return CHAT_COMMANDS[name];
}

/** A registry text in the reader's language. */
export function commandText(t: Translator, text: CommandText): string {
  return typeof text === 'function' ? text(t) : t.t(text);
}
