// /connect and /disconnect: a provider links or unlinks an OAuth calendar from chat; the others go through the admin.
import type { CalendarConnectFailure } from '../calendars/calendar-connect-deps.ts';
import { disconnectCalendar } from '../calendars/disconnect-calendar.ts';
import { startCalendarConnect } from '../calendars/start-calendar-connect.ts';
import {
  CALENDAR_KIND_INFO,
  CREDENTIALS_CALENDAR_KINDS,
  type CredentialsCalendarKind,
  calendarKindOfSlug,
  isOAuthCalendarKind,
  type OAuthCalendarKind,
  oauthChoices,
} from '../domain/calendar-kinds.ts';
import { chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';
import type { Turn } from './turn.ts';

/** "/connect google or /connect outlook": every OAuth kind, from the registry. */
const CONNECT_CHOICES = oauthChoices('/connect ');
const BY_ADMIN = CREDENTIALS_CALENDAR_KINDS.map((kind) => `${CALENDAR_KIND_INFO[kind].name}s`);
const USAGE =
  BY_ADMIN.length === 0
    ? `Send ${CONNECT_CHOICES}.`
    : `Send ${CONNECT_CHOICES} (${BY_ADMIN.join(' and ')} are connected by your admin).`;

/** `/connect <slug>`: for an OAuth kind, a one-time link to the consent page, valid for 15 minutes. */
export async function connectCommand(
  turn: Turn,
  providerId: string,
  args: string,
): Promise<ChatMessage> {
  const deps = turn.deps.calendars;
  if (!deps) return chatMessage('Calendar sync is not set up on this server.');
  const kind = calendarKindOfSlug(args);
  if (kind === null) return chatMessage(USAGE);
  if (!isOAuthCalendarKind(kind)) return chatMessage(askTheAdmin(kind));
  const result = await startCalendarConnect(deps, { providerId, kind });
  if (!result.ok && result.code === 'CALENDAR_NOT_CONFIGURED') {
    return chatMessage(notSetUp(kind));
  }
  if (!result.ok) return chatMessage(failureText(result));
  return chatMessage(
    `Open this link to connect your ${CALENDAR_KIND_INFO[kind].name} (it works once, for 15 minutes):\n${result.value.url}\nAfterwards your bookings appear there, and busy times there block bookings here.`,
  );
}

/** `kind` is not set up here: say so without offering the command that just failed. */
function notSetUp(kind: OAuthCalendarKind): string {
  return `${CALENDAR_KIND_INFO[kind].name} is not set up on this server; ask your admin which calendars are.`;
}

/** A credential typed in chat would stay in the platform's history, so only the admin API takes it. */
function askTheAdmin(kind: CredentialsCalendarKind): string {
  const { name, credential, slug } = CALENDAR_KIND_INFO[kind];
  return `${name}s need ${credential}, which should not be sent in chat. Ask your admin to connect it with POST /api/providers/:id/calendar/${slug}.`;
}

/** `/disconnect`: stops syncing and lifts the blocks the calendar's events made. */
export async function disconnectCommand(turn: Turn, providerId: string): Promise<ChatMessage> {
  const deps = turn.deps.calendars;
  if (!deps) return chatMessage('Calendar sync is not set up on this server.');
  const result = await disconnectCalendar(deps, providerId);
  if (!result.ok) return chatMessage(failureText(result));
  return chatMessage(
    `Disconnected your ${CALENDAR_KIND_INFO[result.value.kind].name}. Its events no longer block bookings, and new bookings stay out of it.`,
  );
}

/** Every code gets a plain answer with a way on. */
function failureText(failure: CalendarConnectFailure): string {
  switch (failure.code) {
    case 'CALENDAR_NOT_CONFIGURED':
      return 'That calendar service is not set up on this server; ask your admin which calendars are.';
    case 'NOT_CONNECTED':
      return `You have no calendar connected. Send ${CONNECT_CHOICES}.`;
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
