// Logs in to a CalDAV account (iCloud or any RFC 4791 server) with tsdav and lists its event calendars.

import { type DAVCalendar, DAVClient } from 'tsdav';
import type { Clock } from '../../ports/clock.ts';
import { CalendarAuthError, CalendarUnavailableError } from '../calendar-client.ts';
import { runCalDav } from './caldav-exchange.ts';

/** The server answered, but not as CalDAV: no principal or calendar home was found there. */
export class NotCalDavServerError extends Error {
  override readonly name = 'NotCalDavServerError';
}

export type AppleCredentials = {
  readonly serverUrl: string;
  /** The Apple ID, or the CalDAV account's user name. */
  readonly username: string;
  /** An app-specific or account password; it lives only in the tsdav client, never in messages. */
  readonly password: string;
};

/** A logged-in account bound to one calendar: what every Apple calendar operation needs. */
export type AppleTarget = {
  readonly client: DAVClient;
  readonly calendar: DAVCalendar;
  readonly now: Clock;
  readonly timeoutMs: number;
};

/**
 * Discovers the principal and calendar home with Basic auth. Throws CalendarAuthError when the
 * credentials are refused, CalendarUnavailableError on 5xx/429/network failures/timeouts, and
 * NotCalDavServerError when the server answers without a principal or calendar home.
 */
export async function loginToICloud(
  credentials: AppleCredentials,
  timeoutMs: number,
): Promise<DAVClient> {
  return runCalDav('login', timeoutMs, async (fetch) => {
    const client = new DAVClient({
      serverUrl: credentials.serverUrl,
      credentials: { username: credentials.username, password: credentials.password },
      authMethod: 'Basic',
      defaultAccountType: 'caldav',
      fetch,
    });
    await client.login().catch((error: unknown) => {
      if (error instanceof CalendarAuthError || error instanceof CalendarUnavailableError) {
        throw error;
      }
      throw new NotCalDavServerError('no CalDAV principal or calendar home at the server', {
        cause: error,
      });
    });
    return client;
  });
}

/**
 * The account's calendars that accept VEVENTs (reminder lists are left out), in server order. A
 * calendar without a supported-component set accepts everything (RFC 4791 5.2.3).
 */
export async function listEventCalendars(
  client: DAVClient,
  timeoutMs: number,
): Promise<DAVCalendar[]> {
  const calendars = await runCalDav('listing calendars', timeoutMs, (fetch) =>
    client.fetchCalendars({ fetch }),
  );
  return calendars.filter(
    ({ components = [] }) => components.length === 0 || components.includes('VEVENT'),
  );
}

/** The calendar at `calendarUrl` (trailing slash and host case ignored), or the first one when null. */
export function pickCalendar(
  calendars: readonly DAVCalendar[],
  calendarUrl: string | null,
): DAVCalendar | undefined {
  if (calendarUrl === null) return calendars[0];
  const wanted = normalizeCollectionUrl(calendarUrl);
  return calendars.find((calendar) => normalizeCollectionUrl(calendar.url) === wanted);
}

function normalizeCollectionUrl(url: string): string {
  try {
    const href = new URL(url).href;
    return href.endsWith('/') ? href : `${href}/`;
  } catch {
    return url;
  }
}
