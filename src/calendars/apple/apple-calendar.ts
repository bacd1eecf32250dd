// Apple iCloud calendars over CalDAV (tsdav): Slotline's events out, the provider's busy times in.
import type { Clock } from '../../ports/clock.ts';
import { CalendarAuthError, type CalendarClient } from '../calendar-client.ts';
import { DEFAULT_CALDAV_TIMEOUT_MS } from './caldav-exchange.ts';
import {
  type AppleCredentials,
  type AppleTarget,
  listEventCalendars,
  loginToICloud,
  pickCalendar,
} from './icloud-session.ts';
import { pullAppleEvents } from './pull-apple-events.ts';
import { createAppleEvent, deleteAppleEvent, replaceAppleEvent } from './write-apple-event.ts';

export type AppleCalendar = CalendarClient & {
  /** The calendar in use, as tsdav resolved it: store it to reconnect to the same one. */
  readonly calendarUrl: string;
};

export type AppleCalendarOptions = AppleCredentials & {
  /** The stored calendar; null picks the account's first calendar that holds events. */
  readonly calendarUrl: string | null;
  /** Clock for DTSTAMP; defaults to the wall clock. */
  readonly now?: Clock;
  /** Per HTTP request; defaults to 15 s. */
  readonly timeoutMs?: number;
};

/**
 * Logs in and binds the calendar. Throws CalendarAuthError when the credentials are refused or
 * the calendar no longer exists (or the account has none): the provider must reconnect.
 * Throws CalendarUnavailableError on 5xx/429/network failures. No message carries the password.
 * pullEvents ignores its cursor: every iCloud pull is complete (cursor null).
 */
export async function connectAppleCalendar(o: AppleCalendarOptions): Promise<AppleCalendar> {
  const timeoutMs = o.timeoutMs ?? DEFAULT_CALDAV_TIMEOUT_MS;
  const client = await loginToICloud(o, timeoutMs);
  const calendar = pickCalendar(await listEventCalendars(client, timeoutMs), o.calendarUrl);
  if (calendar === undefined) {
    throw new CalendarAuthError(
      o.calendarUrl === null
        ? 'the iCloud account has no calendar for events'
        : 'the connected iCloud calendar no longer exists',
    );
  }
  const target: AppleTarget = { client, calendar, now: o.now ?? (() => new Date()), timeoutMs };
  return {
    kind: 'APPLE',
    calendarUrl: calendar.url,
    createEvent: (event) => createAppleEvent(target, event),
    updateEvent: (externalEventId, event) => replaceAppleEvent(target, externalEventId, event),
    deleteEvent: (externalEventId) => deleteAppleEvent(target, externalEventId),
    pullEvents: (_cursor, window) => pullAppleEvents(target, window),
  };
}
