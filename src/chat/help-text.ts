// What the bot does and its commands, for /start, /help and hints.
import { chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';

const CLIENT_HELP = [
  "I'm Slotline's booking assistant: I book appointments with providers for you.",
  '/book: book an appointment. You can say more, e.g. /book massage with Anna tomorrow after 3pm',
  '/mybookings: your upcoming appointments, to reschedule or cancel',
  '/timezone [CITY]: see or change your time zone, e.g. /timezone Tokyo',
  '/email [ADDRESS]: see or set where confirmations and reminders are emailed; /email off stops them',
  '/help: this message',
];

const PROVIDER_HELP = [
  'For providers:',
  '/today: today’s appointments, with Complete and No-show once they have started',
  '/block DATE [HH:MM-HH:MM]: block a day or part of it, e.g. /block 2026-12-24 12:00-14:00',
  '/unblock DATE: remove your blocks on that day',
  '/connect google or /connect outlook: sync your calendar both ways; /disconnect stops it',
];

const LINK_HINT = 'Are you a provider? Send /link CODE with the code your admin gives you.';

export function helpText(isProvider: boolean): string {
  return [...CLIENT_HELP, '', ...(isProvider ? PROVIDER_HELP : [LINK_HINT])].join('\n');
}

export function helpHint(): ChatMessage {
  return chatMessage(
    'I work with commands: send /book to book an appointment, or /help to see everything I can do.',
  );
}
