// The chat command registry: words, audience and needs; dispatch, /help and the menus derive from it.
import type { CommandAudience, CommandInfo } from './chat-command-types.ts';
import { COMMAND_MENUS } from './chat-command-types.ts';
import { connectChoices, connectDescription, connectHelpLine } from './connect-command-words.ts';

const calendar = connectChoices();

/**
 * In the order /help and the menus list them. Providers' descriptions start in lower case: the
 * menus prefix them with "Providers: ".
 */
export const CHAT_COMMANDS = {
  start: {
    audience: 'everyone',
    description: 'Start and see what I can do',
    help: [],
    needs: [],
    argument: null,
    // Only Telegram sends /start when a chat opens; Slack has its App Home, Discord its profile.
    menus: ['telegram'],
  },
  book: {
    audience: 'clients',
    description: 'Book an appointment',
    help: [
      '/book: book an appointment. You can say more, e.g. /book massage with Anna tomorrow after 3pm',
      '/book massage every Tuesday at 10 for 8 weeks: a weekly series; you see which dates are free before booking (or press Repeat weekly on a summary)',
    ],
    needs: [],
    argument: {
      name: 'request',
      description: 'What and when, in your own words',
      hint: '[what and when]',
    },
    menus: COMMAND_MENUS,
  },
  mybookings: {
    audience: 'clients',
    description: 'See, change or cancel your bookings',
    help: ['/mybookings: your upcoming appointments, to reschedule or cancel'],
    needs: [],
    argument: null,
    menus: COMMAND_MENUS,
  },
  waitlist: {
    audience: 'clients',
    description: 'See or leave your waitlists, or wait for a time to open',
    help: [
      '/waitlist: what you are waiting for, to remove; /waitlist friday morning waits for a time to open',
    ],
    needs: [],
    argument: {
      name: 'days',
      description: 'Days to wait for, e.g. friday morning or next week',
      hint: '[days]',
    },
    menus: COMMAND_MENUS,
  },
  timezone: {
    audience: 'everyone',
    description: 'See or set your time zone',
    help: ['/timezone [CITY]: see or change your time zone, e.g. /timezone Tokyo'],
    needs: [],
    argument: {
      name: 'zone',
      description: 'A city or time zone, e.g. Tokyo or Europe/Berlin',
      hint: '[city or zone]',
    },
    menus: COMMAND_MENUS,
  },
  email: {
    audience: 'clients',
    description: 'See or set your email for confirmations and reminders',
    help: [
      '/email [ADDRESS]: see or set where confirmations and reminders are emailed; /email off stops them',
    ],
    needs: [],
    argument: {
      name: 'address',
      description: 'Your email address, or "off" to stop emails',
      hint: '[address | off]',
    },
    menus: COMMAND_MENUS,
  },
  help: {
    audience: 'everyone',
    description: 'What I can do',
    help: ['/help: this message'],
    needs: [],
    argument: null,
    menus: COMMAND_MENUS,
  },
  link: {
    audience: 'everyone',
    description: 'Link your provider account with a code',
    help: ['/link CODE: are you a provider? Link this account with the code your admin gives you'],
    needs: [],
    argument: { name: 'code', description: 'The link code your admin gave you', hint: '[code]' },
    menus: COMMAND_MENUS,
  },
  today: {
    audience: 'providers',
    description: 'today’s appointments',
    help: [
      '/today: today’s appointments, with Approve and Decline on requests, and Complete and No-show once they have started',
    ],
    needs: [],
    argument: null,
    menus: COMMAND_MENUS,
  },
  requests: {
    audience: 'providers',
    description: 'booking requests waiting for you',
    help: ['/requests: every booking request waiting for you, with Approve and Decline'],
    needs: [],
    argument: { name: 'page', description: 'The page of a long list, e.g. 2', hint: '[page]' },
    menus: COMMAND_MENUS,
  },
  week: {
    audience: 'providers',
    description: 'your next 7 days',
    help: ['/week: your next 7 days by day, with Approve and Decline on requests'],
    needs: [],
    argument: { name: 'page', description: 'The page of a long list, e.g. 2', hint: '[page]' },
    menus: COMMAND_MENUS,
  },
  block: {
    audience: 'providers',
    description: 'block time off',
    help: [
      '/block DATE [HH:MM-HH:MM]: block a day or part of it, e.g. /block 2026-12-24 12:00-14:00',
    ],
    needs: [],
    argument: {
      name: 'when',
      description: 'A date and optional hours, e.g. 2026-12-24 12:00-14:00',
      hint: 'DATE [HH:MM-HH:MM]',
    },
    menus: COMMAND_MENUS,
  },
  unblock: {
    audience: 'providers',
    description: 'remove your blocks on a day',
    help: ['/unblock DATE: remove your blocks on that day'],
    needs: [],
    argument: { name: 'when', description: 'The date, e.g. 2026-12-24', hint: 'DATE' },
    menus: COMMAND_MENUS,
  },
  connect: {
    audience: 'providers',
    description: connectDescription(),
    help: [connectHelpLine()],
    needs: ['calendars'],
    argument: { name: 'calendar', description: calendar.spoken, hint: calendar.hint },
    menus: COMMAND_MENUS,
  },
  sync: {
    audience: 'providers',
    description: 'check your calendar for new busy times now',
    help: ['/sync: check your connected calendar for new busy times now'],
    needs: ['calendars'],
    argument: null,
    menus: COMMAND_MENUS,
  },
  disconnect: {
    audience: 'providers',
    description: 'stop syncing your calendar',
    help: ['/disconnect: stop syncing your calendar'],
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
