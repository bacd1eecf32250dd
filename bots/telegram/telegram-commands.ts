// The slash commands Telegram shows in its menu, registered with setMyCommands at startup.
import type { BotCommand } from 'grammy/types';

/** Every command the engine understands; provider-only ones say so, since Telegram shows them all. */
export const TELEGRAM_COMMANDS: readonly BotCommand[] = [
  { command: 'start', description: 'Start and see what I can do' },
  { command: 'help', description: 'How to book, change or cancel' },
  { command: 'book', description: 'Book an appointment' },
  { command: 'mybookings', description: 'See, change or cancel your bookings' },
  { command: 'timezone', description: 'Set your time zone' },
  { command: 'email', description: 'See or set your email for confirmations' },
  { command: 'link', description: 'Providers: link this account with a code' },
  { command: 'today', description: "Providers: today's appointments" },
  { command: 'block', description: 'Providers: block time off' },
  { command: 'unblock', description: 'Providers: remove a blocked time' },
  { command: 'connect', description: 'Providers: sync your Google or Outlook calendar' },
  { command: 'disconnect', description: 'Providers: stop syncing your calendar' },
];
