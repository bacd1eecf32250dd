// Maps every calendar connect failure, and an unreachable calendar service, to its HTTP status and error body.
import type { Context } from 'hono';
import type { CalendarConnectFailure } from '../calendars/calendar-connect-deps.ts';
import type { CalendarUnreachable } from '../calendars/connect-apple-calendar.ts';
import { errorJson } from './error-json.ts';

type Described = { status: 400 | 403 | 404 | 409 | 422 | 503; message: string };

/** Seconds a client should wait before retrying when the calendar service is unreachable. */
const UNREACHABLE_RETRY_AFTER_SECONDS = 30;

/** Status and words for each code; exhaustive, so a new code fails to compile until mapped. */
export function describeCalendarFailure(
  failure: CalendarConnectFailure | CalendarUnreachable,
): Described {
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
      return { status: 422, message: 'iCloud refused the Apple ID or app-specific password' };
    case 'NO_CALENDAR':
      return { status: 422, message: 'the iCloud account has no calendar for events' };
    case 'CALENDAR_UNAVAILABLE':
      return { status: 503, message: 'the calendar service could not be reached; try again later' };
  }
}

/** Sends the failure; CALENDAR_UNAVAILABLE also says when to retry (Retry-After). */
export function sendCalendarFailure(
  c: Context,
  failure: CalendarConnectFailure | CalendarUnreachable,
) {
  const { status, message } = describeCalendarFailure(failure);
  const headers: Record<string, string> =
    failure.code === 'CALENDAR_UNAVAILABLE'
      ? { 'Retry-After': String(UNREACHABLE_RETRY_AFTER_SECONDS) }
      : {};
  return c.json(errorJson(failure.code, message), status, headers);
}
