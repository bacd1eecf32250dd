// Maps every calendar connect failure, and an unusable calendar server, to its HTTP status and error body.
import type { Context } from 'hono';
import type { CalendarUnreachable } from '../calendars/caldav/connect-by-password.ts';
import type { CalendarBroken, CalendarConnectFailure } from '../calendars/calendar-connect-deps.ts';
import { errorJson } from './error-json.ts';

type Described = { status: 400 | 403 | 404 | 409 | 422 | 502 | 503; message: string };

/** Every failure a calendar route can answer. */
type CalendarFailure = CalendarConnectFailure | CalendarUnreachable | CalendarBroken;

/** Seconds a client should wait before retrying when the calendar service is unreachable. */
const UNREACHABLE_RETRY_AFTER_SECONDS = 30;

/** Status and words for each code; exhaustive, so a new code fails to compile until mapped. */
export function describeCalendarFailure(failure: CalendarFailure): Described {
  switch (failure.code) {
    case 'PROVIDER_NOT_FOUND':
      return { status: 404, message: 'no such provider' };
    case 'NOT_CONNECTED':
      return { status: 404, message: 'the provider has no calendar connected' };
    case 'CALENDAR_NOT_CONFIGURED':
      return { status: 503, message: 'this calendar service is not configured on this server' };
    case 'STATE_INVALID':
      return { status: 400, message: 'the connection link is not valid; ask for a new one' };
    case 'STATE_EXPIRED':
      return { status: 400, message: 'the connection link expired; ask for a new one' };
    case 'STATE_USED':
      return { status: 409, message: 'the connection link was already used; ask for a new one' };
    case 'CONSENT_DENIED':
      return { status: 403, message: 'access to the calendar was not granted' };
    case 'CREDENTIALS_REFUSED':
      return 'connection' in failure
        ? { status: 409, message: 'the calendar refused its stored credentials; reconnect it' }
        : { status: 422, message: 'the calendar server refused the user name or password' };
    case 'NO_CALENDAR':
      return { status: 422, message: 'the account has no calendar for events' };
    case 'CALENDAR_UNAVAILABLE':
      return failure.why === 'not-caldav'
        ? { status: 502, message: 'the server at that address did not answer as a CalDAV server' }
        : { status: 503, message: 'the calendar server could not be reached; try again later' };
  }
}

/** Sends the failure; CALENDAR_UNAVAILABLE also says when to retry (Retry-After). */
export function sendCalendarFailure(c: Context, failure: CalendarFailure) {
  const { status, message } = describeCalendarFailure(failure);
  const headers: Record<string, string> =
    failure.code === 'CALENDAR_UNAVAILABLE' && failure.why === 'unreachable'
      ? { 'Retry-After': String(UNREACHABLE_RETRY_AFTER_SECONDS) }
      : {};
  return c.json(errorJson(failure.code, message), status, headers);
}
