// Connecting an iCloud calendar: the Apple ID and app-specific password are checked, then stored sealed.
import { providerExists } from '../catalog/provider-exists.ts';
import { type Ok, ok } from '../domain/outcome.ts';
import { verifyAppleCredentials } from './apple/verify-apple-credentials.ts';
import { CalendarUnavailableError } from './calendar-client.ts';
import {
  type CalendarConnectDeps,
  type CalendarConnectFailure,
  connectFailure,
} from './calendar-connect-deps.ts';
import { replaceConnection } from './replace-connection.ts';

const UNREACHABLE: CalendarUnreachable = { ok: false, code: 'CALENDAR_UNAVAILABLE' };

/** iCloud could not be reached (5xx, 429, a network failure or a timeout): try again later. */
export type CalendarUnreachable = { readonly ok: false; readonly code: 'CALENDAR_UNAVAILABLE' };

/**
 * Logs in to iCloud with the credentials and stores them (the password sealed) with the first
 * calendar that holds events, replacing any calendar the provider had (see replaceConnection),
 * which queues the first poll. PROVIDER_NOT_FOUND, CREDENTIALS_REFUSED (also for credentials
 * outside Latin-1), NO_CALENDAR and CALENDAR_UNAVAILABLE (iCloud unreachable) are values;
 * database faults throw.
 */
export async function connectAppleCalendar(
  deps: CalendarConnectDeps,
  input: { readonly providerId: string; readonly appleId: string; readonly appPassword: string },
): Promise<Ok<{ calendarUrl: string }> | CalendarConnectFailure | CalendarUnreachable> {
  if (!(await providerExists(deps.db, input.providerId)))
    return connectFailure('PROVIDER_NOT_FOUND');
  const check = await verifyAppleCredentials({
    serverUrl: deps.services.appleCalDavUrl,
    username: input.appleId,
    password: input.appPassword,
  }).catch((error: unknown) => {
    if (error instanceof CalendarUnavailableError) return UNREACHABLE;
    throw error;
  });
  if (!check.ok) return check.code === 'CALENDAR_UNAVAILABLE' ? check : connectFailure(check.code);
  await replaceConnection(deps, {
    providerId: input.providerId,
    kind: 'APPLE',
    tokens: { accessToken: null, refreshToken: null, expiresAt: null },
    accountName: input.appleId,
    password: input.appPassword,
    externalCalendarId: check.calendarUrl,
  });
  return ok({ calendarUrl: check.calendarUrl });
}
