// Google OAuth for calendar connections: the consent URL, the code exchange, and the refreshing client.
import { auth } from '@googleapis/calendar';
import {
  CalendarAuthError,
  CalendarUnavailableError,
  type OAuthTokens,
} from '../calendar-client.ts';
import { OUTBOUND_TIMEOUT_MS } from '../outbound-limits.ts';
import { readHttpFailure } from './google-errors.ts';

export type GoogleOAuthSettings = {
  readonly clientId: string;
  readonly clientSecret: string;
  /** Consent page (https://accounts.google.com/o/oauth2/v2/auth in production). */
  readonly authUrl: string;
  /** Token endpoint (https://oauth2.googleapis.com/token in production). */
  readonly tokenUrl: string;
  readonly redirectUri: string;
};

export type GoogleOAuthClient = InstanceType<typeof auth.OAuth2>;

/** The fields of google-auth-library's Credentials this module reads. */
type IssuedTokens = {
  readonly access_token?: string | null;
  readonly refresh_token?: string | null;
  readonly expiry_date?: number | null;
  readonly scope?: string;
};

/** calendar.events writes our events; calendar.readonly reads the busy time of every event. */
const GOOGLE_CALENDAR_SCOPES: readonly string[] = [
  'https://www.googleapis.com/auth/calendar.events',
  'https://www.googleapis.com/auth/calendar.readonly',
];

/**
 * An OAuth2 client for `settings`. It refreshes after any 401 even while the stored expiry lies
 * in the future (forceRefreshOnFailure), since a revoked or rotated access token says nothing
 * about its expiry. Token requests (code exchange, refresh) end after `timeoutMs`.
 */
export function createGoogleOAuthClient(
  settings: GoogleOAuthSettings,
  timeoutMs: number = OUTBOUND_TIMEOUT_MS,
): GoogleOAuthClient {
  return new auth.OAuth2({
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    redirectUri: settings.redirectUri,
    endpoints: { oauth2TokenUrl: settings.tokenUrl, oauth2AuthBaseUrl: settings.authUrl },
    forceRefreshOnFailure: true,
    transporterOptions: { timeout: timeoutMs },
  });
}

/**
 * The URL to send the provider to. prompt=consent with offline access makes Google issue a
 * refresh token on every connection, not only the first; `state` comes back unchanged.
 */
export function googleConsentUrl(settings: GoogleOAuthSettings, state: string): string {
  return createGoogleOAuthClient(settings).generateAuthUrl({
    access_type: 'offline',
    prompt: 'consent',
    scope: [...GOOGLE_CALENDAR_SCOPES],
    include_granted_scopes: true,
    state,
  });
}

/**
 * Redeems the authorization `code` from the redirect. Throws CalendarAuthError when Google
 * refuses the code (invalid_grant: reused, expired, other redirect URI), when it issues no refresh
 * token, or when the user left a calendar scope unticked on the consent screen; throws
 * CalendarUnavailableError (with cause) for anything else.
 */
export async function exchangeGoogleCode(
  settings: GoogleOAuthSettings,
  code: string,
  timeoutMs: number = OUTBOUND_TIMEOUT_MS,
): Promise<OAuthTokens> {
  let tokens: IssuedTokens;
  try {
    ({ tokens } = await createGoogleOAuthClient(settings, timeoutMs).getToken(code));
  } catch (error) {
    throw exchangeError(error);
  }
  if (!tokens.refresh_token) {
    throw new CalendarAuthError('Google issued no refresh token for the connection');
  }
  const missing = missingScopes(tokens.scope);
  if (missing.length > 0) {
    throw new CalendarAuthError(`Google did not grant: ${missing.join(' ')}`);
  }
  return {
    accessToken: tokens.access_token ?? null,
    refreshToken: tokens.refresh_token,
    expiresAt: typeof tokens.expiry_date === 'number' ? new Date(tokens.expiry_date) : null,
  };
}

/** Google lists the granted scopes; when it says nothing, assume what was asked for. */
function missingScopes(granted: string | undefined): string[] {
  if (granted === undefined) return [];
  const have = new Set(granted.split(' '));
  return GOOGLE_CALENDAR_SCOPES.filter((scope) => !have.has(scope));
}

/** Only a refused code means the provider must start over; the rest (our client config too) may pass. */
function exchangeError(error: unknown): Error {
  const { status, oauthError } = readHttpFailure(error);
  if (
    oauthError === 'invalid_grant' ||
    (error instanceof Error && error.message === 'invalid_grant')
  ) {
    return new CalendarAuthError('Google refused the authorization code', { cause: error });
  }
  const detail = status === undefined ? 'unreachable' : `HTTP ${status} ${oauthError ?? ''}`.trim();
  return new CalendarUnavailableError(`Google token exchange failed: ${detail}`, { cause: error });
}
