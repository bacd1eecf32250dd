// Connecting a CalDAV calendar (iCloud or any RFC 4791 server): the password is checked there, then stored sealed.
import { providerExists } from '../../catalog/provider-exists.ts';
import type { CredentialsCalendarKind } from '../../domain/calendar-kinds.ts';
import { type Ok, ok } from '../../domain/outcome.ts';
import { NotCalDavServerError } from '../apple/icloud-session.ts';
import { verifyAppleCredentials } from '../apple/verify-apple-credentials.ts';
import { CalendarUnavailableError } from '../calendar-client.ts';
import {
  type CalendarConnectDeps,
  type CalendarConnectFailure,
  connectFailure,
} from '../calendar-connect-deps.ts';
import { replaceConnection } from '../replace-connection.ts';

/**
 * The CalDAV server could not be used: `unreachable` (5xx, 429, a network failure or a timeout:
 * try again later), or `not-caldav` (it answered, but without a CalDAV principal: wrong URL).
 */
export type CalendarUnreachable = {
  readonly ok: false;
  readonly code: 'CALENDAR_UNAVAILABLE';
  readonly why: 'unreachable' | 'not-caldav';
};

export type PasswordConnectInput = {
  readonly providerId: string;
  readonly kind: CredentialsCalendarKind;
  /** Where discovery starts: iCloud's server, or the one the admin named. */
  readonly serverUrl: string;
  readonly username: string;
  readonly password: string;
};

/**
 * Logs in with the credentials and stores them (the password sealed) with the first calendar
 * that holds events, as an absolute URL that names its server; replaces any calendar the
 * provider had (see replaceConnection), which queues the first poll. PROVIDER_NOT_FOUND,
 * CREDENTIALS_REFUSED (also for credentials outside Latin-1), NO_CALENDAR and
 * CALENDAR_UNAVAILABLE (unreachable, or not a CalDAV server) are values; database faults throw.
 */
export async function connectByPassword(
  deps: CalendarConnectDeps,
  input: PasswordConnectInput,
): Promise<Ok<{ calendarUrl: string }> | CalendarConnectFailure | CalendarUnreachable> {
  if (!(await providerExists(deps.db, input.providerId)))
    return connectFailure('PROVIDER_NOT_FOUND');
  const check = await verifyAppleCredentials({
    ...input,
    timeoutMs: deps.services.timeoutMs,
  }).catch((error: unknown): CalendarUnreachable => {
    if (error instanceof CalendarUnavailableError) return unreachable('unreachable');
    if (error instanceof NotCalDavServerError) return unreachable('not-caldav');
    throw error;
  });
  if (!check.ok) return check.code === 'CALENDAR_UNAVAILABLE' ? check : connectFailure(check.code);
  await replaceConnection(deps, {
    providerId: input.providerId,
    kind: input.kind,
    tokens: { accessToken: null, refreshToken: null, expiresAt: null },
    accountName: input.username,
    password: input.password,
    externalCalendarId: check.calendarUrl,
  });
  return ok({ calendarUrl: check.calendarUrl });
}

function unreachable(why: CalendarUnreachable['why']): CalendarUnreachable {
  return { ok: false, code: 'CALENDAR_UNAVAILABLE', why };
}
