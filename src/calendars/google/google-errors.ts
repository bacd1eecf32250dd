// Turns gaxios and google-auth-library failures into the calendar interface's two error classes.
import { CalendarAuthError, CalendarUnavailableError } from '../calendar-client.ts';

type HttpFailure = {
  readonly status: number | undefined;
  readonly oauthError: string | undefined;
  readonly reason: string | undefined;
};

/** Reads what gaxios puts on a failed request without trusting its shape. */
export function readHttpFailure(error: unknown): HttpFailure {
  const record = (typeof error === 'object' && error !== null ? error : {}) as {
    status?: unknown;
    response?: { status?: unknown; data?: unknown };
  };
  const rawStatus = record.status ?? record.response?.status;
  const data = record.response?.data as
    | { error?: string | { errors?: { reason?: unknown }[] } }
    | undefined;
  const oauthError = typeof data?.error === 'string' ? data.error : undefined;
  const reason = typeof data?.error === 'object' ? data.error.errors?.[0]?.reason : undefined;
  return {
    status: typeof rawStatus === 'number' ? rawStatus : undefined,
    oauthError,
    reason: typeof reason === 'string' ? reason : undefined,
  };
}

/** The status of a failed Google call, or undefined for a network failure or non-HTTP error. */
export function httpStatusOf(error: unknown): number | undefined {
  return readHttpFailure(error).status;
}

function isInvalidGrant(error: unknown, failure: HttpFailure): boolean {
  if (failure.oauthError === 'invalid_grant') return true;
  return error instanceof Error && error.message === 'invalid_grant';
}

/** google-auth-library throws a plain Error (no HTTP status) when it has no token to renew with. */
function isMissingRefreshToken(error: unknown, failure: HttpFailure): boolean {
  return (
    failure.status === undefined && error instanceof Error && /refresh token/i.test(error.message)
  );
}

/**
 * Maps a failure of `action` (e.g. 'create event') to CalendarAuthError when the provider must
 * reconnect (401 after the library's refresh, invalid_grant, a scope the user did not grant, no
 * refresh token) and to CalendarUnavailableError otherwise. Messages carry the action, status and
 * Google's reason only: request configs (which hold tokens) stay in `cause`.
 */
export function toCalendarError(error: unknown, action: string): Error {
  if (error instanceof CalendarAuthError || error instanceof CalendarUnavailableError) return error;
  const failure = readHttpFailure(error);
  const { status, reason } = failure;
  if (isInvalidGrant(error, failure)) {
    return new CalendarAuthError(`Google refused the refresh token (${action})`, { cause: error });
  }
  if (status === 401 || isMissingRefreshToken(error, failure)) {
    return new CalendarAuthError(`Google refused the credentials (${action})`, { cause: error });
  }
  // Granular consent lets the user untick calendar access: only reconnecting can fix that.
  if (status === 403 && reason === 'insufficientPermissions') {
    return new CalendarAuthError(`Google calendar access was not granted (${action})`, {
      cause: error,
    });
  }
  if (status === undefined) {
    return new CalendarUnavailableError(`Google Calendar unreachable (${action})`, {
      cause: error,
    });
  }
  const detail = reason === undefined ? `HTTP ${status}` : `HTTP ${status} ${reason}`;
  return new CalendarUnavailableError(`Google Calendar failed: ${detail} (${action})`, {
    cause: error,
  });
}
