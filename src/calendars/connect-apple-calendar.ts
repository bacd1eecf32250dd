// Connecting an iCloud calendar: the Apple ID and app-specific password are checked, then stored sealed.
import { providerExists } from '../catalog/provider-exists.ts';
import { type Ok, ok } from '../domain/outcome.ts';
import { verifyAppleCredentials } from './apple/verify-apple-credentials.ts';
import {
  type CalendarConnectDeps,
  type CalendarConnectFailure,
  connectFailure,
} from './calendar-connect-deps.ts';
import { replaceConnection } from './replace-connection.ts';

/**
 * Logs in to iCloud with the credentials and stores them (the password sealed) with the first
 * calendar that holds events, replacing any calendar the provider had (see
 * replaceConnection), which queues the first poll. PROVIDER_NOT_FOUND, CREDENTIALS_REFUSED and NO_CALENDAR are values; iCloud being
 * unreachable throws CalendarUnavailableError.
 */
export async function connectAppleCalendar(
  deps: CalendarConnectDeps,
  input: { readonly providerId: string; readonly appleId: string; readonly appPassword: string },
): Promise<Ok<{ calendarUrl: string }> | CalendarConnectFailure> {
  if (!(await providerExists(deps.db, input.providerId)))
    return connectFailure('PROVIDER_NOT_FOUND');
  const check = await verifyAppleCredentials({
    serverUrl: deps.services.appleCalDavUrl,
    username: input.appleId,
    password: input.appPassword,
  });
  if (!check.ok) return connectFailure(check.code);
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
