// Zoom server-to-server OAuth: fetches an account token and reuses it until shortly before expiry.

import { z } from 'zod';
import type { Clock } from '../ports/clock.ts';
import { MeetingError } from './meeting-provider.ts';
import { sendToZoom, zoomRefusal } from './zoom-http.ts';

/** Renew this long before Zoom's expiry, so a token never dies between our check and its use. */
const EXPIRY_MARGIN_MS = 60_000;

const tokenBody = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
});

type ZoomCredentials = {
  readonly accountId: string;
  readonly clientId: string;
  readonly clientSecret: string;
};

export type ZoomTokenSource = {
  /** A token valid for at least another minute; fetched only when the cached one is not. */
  current(): Promise<string>;
  /** Forgets `token` (Zoom refused it) so the next current() fetches a new one. */
  discard(token: string): void;
};

type Cached = { token: string; renewAt: number };

/**
 * Creates the token cache for one account. Concurrent callers share one in-flight request.
 * current() rejects with MeetingConfigError when Zoom refuses the credentials and MeetingError
 * when it is unreachable, rate limited or failing; neither message contains the secret or token.
 */
export function createZoomTokenSource(
  credentials: ZoomCredentials,
  oauthUrl: string,
  clock: Clock,
  timeoutMs: number,
): ZoomTokenSource {
  let cached: Cached | null = null;
  let inFlight: Promise<Cached> | null = null;
  const fetchToken = async (): Promise<Cached> => {
    const requestedAt = clock().getTime();
    const body = await requestToken(credentials, oauthUrl, timeoutMs);
    // Counted from the request, not the answer: the server's clock started no later than that.
    return {
      token: body.access_token,
      renewAt: requestedAt + body.expires_in * 1000 - EXPIRY_MARGIN_MS,
    };
  };
  return {
    async current() {
      if (cached !== null && clock().getTime() < cached.renewAt) return cached.token;
      inFlight ??= fetchToken().finally(() => {
        inFlight = null;
      });
      cached = await inFlight;
      return cached.token;
    },
    discard(token) {
      if (cached?.token === token) cached = null;
    },
  };
}

async function requestToken(
  credentials: ZoomCredentials,
  oauthUrl: string,
  timeoutMs: number,
): Promise<z.infer<typeof tokenBody>> {
  const basic = Buffer.from(`${credentials.clientId}:${credentials.clientSecret}`).toString(
    'base64',
  );
  const response = await sendToZoom(
    `${oauthUrl}/oauth/token`,
    {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      // In the body, not the query string, so the account id stays out of proxy logs.
      body: new URLSearchParams({
        grant_type: 'account_credentials',
        account_id: credentials.accountId,
      }),
    },
    timeoutMs,
  );
  if (!response.ok) throw await zoomRefusal(response, 'Zoom refused the access token request');
  const parsed = tokenBody.safeParse(await response.json().catch(() => null));
  if (!parsed.success) {
    // The issues name fields, not values: the token must not reach a log.
    const fields = parsed.error.issues.map((issue) => issue.path.join('.')).join(', ');
    throw new MeetingError(`Zoom sent an unexpected token answer (fields: ${fields})`, {});
  }
  return parsed.data;
}
