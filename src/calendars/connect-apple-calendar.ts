// Connecting an iCloud calendar: the CalDAV connect, with iCloud's server, an Apple ID and an app-specific password.
import type { Ok } from '../domain/outcome.ts';
import { type CalendarUnreachable, connectByPassword } from './caldav/connect-by-password.ts';
import type { CalendarConnectDeps, CalendarConnectFailure } from './calendar-connect-deps.ts';

/**
 * Logs in to iCloud (APPLE_CALDAV_URL) and stores the connection as connectByPassword does.
 * PROVIDER_NOT_FOUND, CREDENTIALS_REFUSED, NO_CALENDAR and CALENDAR_UNAVAILABLE are values;
 * database faults throw.
 */
export async function connectAppleCalendar(
  deps: CalendarConnectDeps,
  input: { readonly providerId: string; readonly appleId: string; readonly appPassword: string },
): Promise<Ok<{ calendarUrl: string }> | CalendarConnectFailure | CalendarUnreachable> {
  return connectByPassword(deps, {
    providerId: input.providerId,
    kind: 'APPLE',
    serverUrl: deps.services.appleCalDavUrl,
    username: input.appleId,
    password: input.appPassword,
  });
}
