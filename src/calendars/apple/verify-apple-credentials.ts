// The connect step for iCloud: checks an Apple ID and app-specific password and finds a calendar.
import { CalendarAuthError } from '../calendar-client.ts';
import { DEFAULT_CALDAV_TIMEOUT_MS } from './caldav-exchange.ts';
import {
  type AppleCredentials,
  listEventCalendars,
  loginToICloud,
  pickCalendar,
} from './icloud-session.ts';

export type AppleCredentialsCheck =
  | { readonly ok: true; readonly calendarUrl: string }
  | { readonly ok: false; readonly code: 'CREDENTIALS_REFUSED' | 'NO_CALENDAR' };

/**
 * Logs in and returns the URL of the first calendar that holds events (store it and pass it to
 * connectAppleCalendar). Refused credentials and an account without such a calendar are values;
 * 5xx/429/network failures throw CalendarUnavailableError, so the caller can say "try again".
 */
export async function verifyAppleCredentials(
  o: AppleCredentials & { readonly timeoutMs?: number },
): Promise<AppleCredentialsCheck> {
  const timeoutMs = o.timeoutMs ?? DEFAULT_CALDAV_TIMEOUT_MS;
  try {
    const client = await loginToICloud(o, timeoutMs);
    const calendar = pickCalendar(await listEventCalendars(client, timeoutMs), null);
    return calendar === undefined
      ? { ok: false, code: 'NO_CALENDAR' }
      : { ok: true, calendarUrl: calendar.url };
  } catch (error) {
    if (error instanceof CalendarAuthError) return { ok: false, code: 'CREDENTIALS_REFUSED' };
    throw error;
  }
}
