// One Microsoft identity or Graph HTTP exchange: network faults and refusals become calendar errors.
import { z } from 'zod';
import { CalendarAuthError, CalendarUnavailableError } from '../calendar-client.ts';
import { OUTBOUND_TIMEOUT_MS } from '../outbound-limits.ts';

/** What Microsoft answered when it refused; the cause of the error it is mapped to. */
export class GraphApiError extends Error {
  override name = 'GraphApiError';
  readonly status: number;
  /** Graph's error.code or the OAuth `error` name, when the body had one. */
  readonly code: string | null;

  constructor(status: number, code: string | null, detail: string) {
    super(`Microsoft answered HTTP ${status}${code === null ? '' : ` (${code})`}: ${detail}`);
    this.status = status;
    this.code = code;
  }
}

/** Graph errors are { error: { code, message } }; identity errors are { error, error_description }. */
const errorBody = z
  .object({
    error: z
      .union([
        z.string(),
        z.object({ code: z.string().optional(), message: z.string().optional() }),
      ])
      .optional(),
    error_description: z.string().optional(),
  })
  .catch({});

/**
 * Sends one request that ends after `timeoutMs` (connect, answer and body together). Rejects with
 * CalendarUnavailableError (cause attached) when Microsoft cannot be reached, resets the
 * connection or does not answer in time; resolves with any HTTP answer.
 */
export async function sendToMicrosoft(
  fetchFn: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number = OUTBOUND_TIMEOUT_MS,
): Promise<Response> {
  try {
    return await fetchFn(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    // fetch's own error names the host, never our headers.
    throw new CalendarUnavailableError(`Microsoft could not be reached at ${new URL(url).host}`, {
      cause: error,
    });
  }
}

/** Reads a refusal's status and short code; only capped, non-secret text is quoted. */
export async function readGraphError(response: Response): Promise<GraphApiError> {
  const body = errorBody.parse(await response.json().catch(() => ({})));
  const code = typeof body.error === 'string' ? body.error : (body.error?.code ?? null);
  const message = typeof body.error === 'string' ? body.error_description : body.error?.message;
  // AAD descriptions carry trace ids after the first sentence; the code says enough.
  const detail = (message ?? response.statusText).split(' Trace ID')[0] ?? '';
  return new GraphApiError(response.status, code?.slice(0, 60) ?? null, detail.slice(0, 200));
}

/** 429 and 5xx may pass on a retry; everything else about the same request will not. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * Maps a Graph API refusal: 401/403 → CalendarAuthError (the token or consent is refused),
 * 429/5xx → CalendarUnavailableError, anything else → the GraphApiError itself (a request
 * Slotline should not have sent; retrying cannot help).
 */
export function graphFailure(cause: GraphApiError, what: string): Error {
  const message = `${what}: ${cause.message}`;
  if (cause.status === 401 || cause.status === 403)
    return new CalendarAuthError(message, { cause });
  if (isRetryableStatus(cause.status)) return new CalendarUnavailableError(message, { cause });
  return cause;
}
