// /connect and /disconnect: a provider links or unlinks an OAuth calendar from chat; the others go through the admin.
import type { CalendarConnectFailure } from '../calendars/calendar-connect-deps.ts';
import { disconnectCalendar } from '../calendars/disconnect-calendar.ts';
import { startCalendarConnect } from '../calendars/start-calendar-connect.ts';
import { calendarKindOfSlug, isOAuthCalendarKind } from '../domain/calendar-kinds.ts';
import type { Translator } from '../i18n/translator.ts';
import { askTheAdmin, calendarName, connectChoices, connectUsage } from './calendar-words.ts';
import { chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';
import type { Turn } from './turn.ts';

/** `/connect <slug>`: for an OAuth kind, a one-time link to the consent page, valid for 15 minutes. */
export async function connectCommand(
  turn: Turn,
  providerId: string,
  args: string,
): Promise<ChatMessage> {
  const { t } = turn;
  const deps = turn.deps.calendars;
  if (!deps) return chatMessage(t.t('calendar.notSetUpServer'));
  const kind = calendarKindOfSlug(args);
  if (kind === null) return chatMessage(connectUsage(t));
  if (!isOAuthCalendarKind(kind)) return chatMessage(askTheAdmin(t, kind));
  const result = await startCalendarConnect(deps, { providerId, kind });
  // `kind` is not set up here: say so without offering the command that just failed.
  if (!result.ok && result.code === 'CALENDAR_NOT_CONFIGURED') {
    return chatMessage(t.t('calendar.kindNotSetUp', { name: calendarName(t, kind) }));
  }
  if (!result.ok) return chatMessage(failureText(t, result));
  const name = calendarName(t, kind);
  return chatMessage(t.t('calendar.connectLink', { name, url: result.value.url }));
}

/** `/disconnect`: stops syncing and lifts the blocks the calendar's events made. */
export async function disconnectCommand(turn: Turn, providerId: string): Promise<ChatMessage> {
  const { t } = turn;
  const deps = turn.deps.calendars;
  if (!deps) return chatMessage(t.t('calendar.notSetUpServer'));
  const result = await disconnectCalendar(deps, providerId);
  if (!result.ok) return chatMessage(failureText(t, result));
  return chatMessage(t.t('calendar.disconnected', { name: calendarName(t, result.value.kind) }));
}

/** Every code gets a plain answer with a way on. */
function failureText(t: Translator, failure: CalendarConnectFailure): string {
  switch (failure.code) {
    case 'CALENDAR_NOT_CONFIGURED':
      return t.t('calendar.serviceNotSetUp');
    case 'NOT_CONNECTED':
      return t.t('calendar.noneConnected', { choices: connectChoices(t) });
    case 'PROVIDER_NOT_FOUND':
      return t.t('calendar.profileGone');
    case 'STATE_INVALID':
    case 'STATE_EXPIRED':
    case 'STATE_USED':
    case 'CONSENT_DENIED':
    case 'CREDENTIALS_REFUSED':
    case 'NO_CALENDAR':
      return t.t('calendar.didNotWork', { usage: connectUsage(t) });
  }
}
