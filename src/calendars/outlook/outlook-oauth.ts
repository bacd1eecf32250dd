// Microsoft identity platform (v2.0) authorization-code flow for Outlook calendar connections.
import { z } from 'zod';
import {
  CalendarAuthError,
  CalendarUnavailableError,
  type OAuthTokens,
} from '../calendar-client.ts';
import { isRetryableStatus, readGraphError, sendToMicrosoft } from './graph-http.ts';

/** offline_access brings a refresh token; Calendars.ReadWrite is Graph's (unprefixed) scope. */
const OUTLOOK_SCOPE = 'offline_access Calendars.ReadWrite';

export type OutlookAuthUrlInput = {
  readonly loginUrl: string;
  readonly tenant: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly state: string;
};

type OutlookAppCredentials = {
  readonly loginUrl: string;
  readonly tenant: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly fetch?: typeof fetch;
  /** Per token request; default OUTBOUND_TIMEOUT_MS. */
  readonly timeoutMs?: number;
};

export type ExchangeOutlookCodeInput = OutlookAppCredentials & {
  readonly redirectUri: string;
  readonly code: string;
  readonly now: Date;
};

export type RefreshOutlookTokensInput = OutlookAppCredentials & {
  readonly refreshToken: string;
  readonly now: Date;
};

const tokenBody = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().positive(),
});

/** The consent page URL; `state` must be a signed, single-use value (see oauth-state.ts). */
export function outlookAuthUrl(o: OutlookAuthUrlInput): string {
  const query = new URLSearchParams({
    client_id: o.clientId,
    response_type: 'code',
    redirect_uri: o.redirectUri,
    response_mode: 'query',
    scope: OUTLOOK_SCOPE,
    state: o.state,
  });
  return `${tokenBase(o)}/authorize?${query.toString()}`;
}

/**
 * Redeems the consent redirect's code. Throws CalendarAuthError when Microsoft refuses the code
 * or the app's credentials (invalid_grant, invalid_client...), CalendarUnavailableError on 429,
 * 5xx or network faults. `refreshToken` is null when offline_access was not granted.
 */
export async function exchangeOutlookCode(o: ExchangeOutlookCodeInput): Promise<OAuthTokens> {
  return requestTokens(o, o.now, null, {
    grant_type: 'authorization_code',
    code: o.code,
    redirect_uri: o.redirectUri,
    scope: OUTLOOK_SCOPE,
  });
}

/**
 * Trades a refresh token for new tokens. Microsoft rotates refresh tokens: the new one is kept
 * when present, else the old one. Failures as for exchangeOutlookCode (a revoked grant →
 * CalendarAuthError).
 */
export async function refreshOutlookTokens(o: RefreshOutlookTokensInput): Promise<OAuthTokens> {
  return requestTokens(o, o.now, o.refreshToken, {
    grant_type: 'refresh_token',
    refresh_token: o.refreshToken,
    scope: OUTLOOK_SCOPE,
  });
}

async function requestTokens(
  app: OutlookAppCredentials,
  now: Date,
  previousRefreshToken: string | null,
  grant: Record<string, string>,
): Promise<OAuthTokens> {
  const response = await sendToMicrosoft(
    app.fetch ?? fetch,
    `${tokenBase(app)}/token`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        client_id: app.clientId,
        client_secret: app.clientSecret,
        ...grant,
      }),
    },
    app.timeoutMs,
  );
  if (!response.ok) throw await tokenFailure(response);
  const parsed = tokenBody.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    throw new CalendarUnavailableError('Microsoft answered the token request without tokens', {
      cause: parsed.error,
    });
  }
  return {
    accessToken: parsed.data.access_token,
    refreshToken: parsed.data.refresh_token ?? previousRefreshToken,
    expiresAt: new Date(now.getTime() + parsed.data.expires_in * 1000),
  };
}

async function tokenFailure(response: Response): Promise<Error> {
  const cause = await readGraphError(response);
  const message = `Microsoft refused the token request: ${cause.message}`;
  if (isRetryableStatus(cause.status) || cause.code === 'temporarily_unavailable') {
    return new CalendarUnavailableError(message, { cause });
  }
  return new CalendarAuthError(message, { cause });
}

function tokenBase(o: { readonly loginUrl: string; readonly tenant: string }): string {
  return `${o.loginUrl}/${encodeURIComponent(o.tenant)}/oauth2/v2.0`;
}
