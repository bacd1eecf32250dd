// Authorized Graph requests: keeps the access token fresh and saves rotated tokens before use.
import type { Clock } from '../../ports/clock.ts';
import { CalendarAuthError, type OAuthTokens, type SaveTokens } from '../calendar-client.ts';
import { RETRY_AFTER_CAP_MS, retryAfterMs } from '../outbound-limits.ts';
import { sendToMicrosoft } from './graph-http.ts';
import { refreshOutlookTokens } from './outlook-oauth.ts';

export type GraphSessionOptions = {
  /** E.g. 'https://login.microsoftonline.com'; no trailing slash. */
  readonly loginUrl: string;
  readonly tenant: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tokens: OAuthTokens;
  /** Called with refreshed (possibly rotated) tokens before they are used. */
  readonly saveTokens: SaveTokens;
  readonly now: Clock;
  readonly fetch?: typeof fetch;
  /** Per request, Graph and token endpoint alike; default OUTBOUND_TIMEOUT_MS. */
  readonly timeoutMs?: number;
  /** Waits out a Retry-After; tests pass a recorder. Default: a timer. */
  readonly sleep?: (ms: number) => Promise<void>;
};

type GraphRequest = {
  readonly method: string;
  /** Absolute URL; the caller checks it points at the configured Graph host. */
  readonly url: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
};

/** Sends a request with a bearer token; resolves with any HTTP answer except a persistent 401. */
export type GraphSend = (request: GraphRequest) => Promise<Response>;

/** Refresh this long before the stated expiry, so a token cannot lapse in flight. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * Builds the authorized sender. It refreshes first when the access token is missing or within
 * 60 s of expiry, and once more on a 401; new tokens go through `saveTokens` before they are
 * used. Concurrent requests share one refresh. A 401 that survives a refresh, a missing refresh
 * token or a refused refresh → CalendarAuthError; network faults → CalendarUnavailableError.
 * A 429 whose Retry-After is at most RETRY_AFTER_CAP_MS is waited out and sent once more; any
 * other 429 is answered, and the caller fails the job so it retries with backoff.
 */
export function createGraphSession(o: GraphSessionOptions): GraphSend {
  const send = createAuthorizedSend(o);
  const sleep = o.sleep ?? sleepFor;
  return async (request) => {
    const first = await send(request);
    if (first.status !== 429) return first;
    const wait = retryAfterMs(first.headers.get('retry-after'), o.now());
    if (wait === null || wait > RETRY_AFTER_CAP_MS) return first;
    await first.arrayBuffer().catch(() => undefined);
    await sleep(wait);
    return send(request);
  };
}

function sleepFor(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sends with a usable token, refreshing first or once after a 401. */
function createAuthorizedSend(o: GraphSessionOptions): GraphSend {
  const fetchFn = o.fetch ?? fetch;
  let tokens = o.tokens;
  let refreshing: Promise<OAuthTokens> | null = null;

  const refresh = (): Promise<OAuthTokens> => {
    refreshing ??= refreshAndSave(o, tokens).then(
      (fresh) => {
        tokens = fresh;
        refreshing = null;
        return fresh;
      },
      (error: unknown) => {
        refreshing = null;
        throw error;
      },
    );
    return refreshing;
  };

  const usableToken = async (): Promise<string> => {
    const { accessToken, expiresAt } = tokens;
    const stale = expiresAt !== null && expiresAt.getTime() - EXPIRY_MARGIN_MS <= o.now().getTime();
    if (accessToken !== null && !stale) return accessToken;
    return refreshedToken(refresh);
  };

  return async (request) => {
    const used = await usableToken();
    const first = await sendWithToken(fetchFn, request, used, o.timeoutMs);
    if (first.status !== 401) return first;
    await first.arrayBuffer().catch(() => undefined);
    // Another request may already have refreshed past the token this one used.
    const retryToken =
      tokens.accessToken !== used ? await usableToken() : await refreshedToken(refresh);
    const second = await sendWithToken(fetchFn, request, retryToken, o.timeoutMs);
    if (second.status === 401) {
      await second.arrayBuffer().catch(() => undefined);
      throw new CalendarAuthError('Graph refused a freshly refreshed access token (HTTP 401)');
    }
    return second;
  };
}

async function refreshedToken(refresh: () => Promise<OAuthTokens>): Promise<string> {
  const fresh = await refresh();
  if (fresh.accessToken === null) throw new CalendarAuthError('Microsoft gave no access token');
  return fresh.accessToken;
}

async function refreshAndSave(o: GraphSessionOptions, current: OAuthTokens): Promise<OAuthTokens> {
  if (current.refreshToken === null) {
    throw new CalendarAuthError('The Outlook connection has no refresh token; reconnect it');
  }
  const fresh = await refreshOutlookTokens({
    loginUrl: o.loginUrl,
    tenant: o.tenant,
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    refreshToken: current.refreshToken,
    now: o.now(),
    ...(o.fetch === undefined ? {} : { fetch: o.fetch }),
    ...(o.timeoutMs === undefined ? {} : { timeoutMs: o.timeoutMs }),
  });
  await o.saveTokens(fresh);
  return fresh;
}

function sendWithToken(
  fetchFn: typeof fetch,
  request: GraphRequest,
  accessToken: string,
  timeoutMs: number | undefined,
): Promise<Response> {
  const headers: Record<string, string> = {
    authorization: `Bearer ${accessToken}`,
    accept: 'application/json',
    ...request.headers,
  };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const init = {
    method: request.method,
    headers,
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  };
  return sendToMicrosoft(fetchFn, request.url, init, timeoutMs);
}
