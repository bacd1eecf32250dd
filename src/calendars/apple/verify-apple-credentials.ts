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
 * True when `text` can be sent in Basic authentication: printable Latin-1, no control characters
 * (U+0020-U+007E and U+00A0-U+00FF).
 */
export function isBasicAuthText(text: string): boolean {
  return /^[\u0020-\u007e\u00a0-\u00ff]*$/.test(text);
}

/**
 * Logs in and returns the URL of the first calendar that holds events (store it and pass it to
 * connectAppleCalendar). Refused credentials (also those outside printable Latin-1, which Basic
 * authentication cannot carry) and an account without such a calendar are values;
 * 5xx/429/network failures throw CalendarUnavailableError, so the caller can say "try again".
 */
export async function verifyAppleCredentials(
  o: AppleCredentials & { readonly timeoutMs?: number },
): Promise<AppleCredentialsCheck> {
  // Basic authentication carries Latin-1 only (btoa throws on anything else); iCloud would
  // refuse such credentials anyway, so they are refused here without a request.
  if (!isBasicAuthText(o.username) || !isBasicAuthText(o.password)) {
    return { ok: false, code: 'CREDENTIALS_REFUSED' };
  }
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
