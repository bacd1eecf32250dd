// /connect and /disconnect: a provider links or unlinks their Google or Outlook calendar from chat.
import type { CalendarConnectFailure } from '../calendars/calendar-connect-deps.ts';
import { disconnectCalendar } from '../calendars/disconnect-calendar.ts';
import { startCalendarConnect } from '../calendars/start-calendar-connect.ts';
import { chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';
import type { Turn } from './turn.ts';

const NAMES = { GOOGLE: 'Google Calendar', OUTLOOK: 'Outlook', APPLE: 'Apple calendar' } as const;
const USAGE =
  'Send /connect google or /connect outlook (Apple calendars are connected by your admin).';

/** `/connect google|outlook`: a one-time link to the consent page, valid for 15 minutes. */
export async function connectCommand(
  turn: Turn,
  providerId: string,
  args: string,
): Promise<ChatMessage> {
  const deps = turn.deps.calendars;
  if (!deps) return chatMessage('Calendar sync is not set up on this server.');
  const which = args.trim().toLowerCase();
  if (which === 'apple' || which === 'icloud') {
    return chatMessage(
      'Apple calendars need an app-specific password, which should not be sent in chat. Ask your admin to connect it with POST /api/providers/:id/calendar/apple.',
    );
  }
  if (which !== 'google' && which !== 'outlook') return chatMessage(USAGE);
  const kind = which === 'google' ? 'GOOGLE' : 'OUTLOOK';
  const result = await startCalendarConnect(deps, { providerId, kind });
  if (!result.ok) return chatMessage(failureText(result));
  return chatMessage(
    `Open this link to connect your ${NAMES[kind]} (it works once, for 15 minutes):\n${result.value.url}\nAfterwards your bookings appear there, and busy times there block bookings here.`,
  );
}

/** `/disconnect`: stops syncing and lifts the blocks the calendar's events made. */
export async function disconnectCommand(turn: Turn, providerId: string): Promise<ChatMessage> {
  const deps = turn.deps.calendars;
  if (!deps) return chatMessage('Calendar sync is not set up on this server.');
  const result = await disconnectCalendar(deps, providerId);
  if (!result.ok) return chatMessage(failureText(result));
  return chatMessage(
    `Disconnected your ${NAMES[result.value.kind]}. Its events no longer block bookings, and new bookings stay out of it.`,
  );
}

/** Every code gets a plain answer with a way on. */
function failureText(failure: CalendarConnectFailure): string {
  switch (failure.code) {
    case 'CALENDAR_NOT_CONFIGURED':
      return `That calendar service is not set up on this server. ${USAGE}`;
    case 'NOT_CONNECTED':
      return 'You have no calendar connected. Send /connect google or /connect outlook.';
    case 'PROVIDER_NOT_FOUND':
      return 'Your provider profile no longer exists. Ask your admin for a new /link code.';
    case 'STATE_INVALID':
    case 'STATE_EXPIRED':
    case 'STATE_USED':
    case 'CONSENT_DENIED':
    case 'CREDENTIALS_REFUSED':
    case 'NO_CALENDAR':
      return `That did not work. ${USAGE}`;
  }
}
