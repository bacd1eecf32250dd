// One Zoom HTTP exchange: network faults and refusals become MeetingError or MeetingConfigError.
import { z } from 'zod';
import { MeetingConfigError, MeetingError } from './meeting-provider.ts';

/** What Zoom answered when it refused; the cause of the MeetingError it is mapped to. */
class ZoomApiError extends Error {
  override name = 'ZoomApiError';
  readonly status: number;
  /** Zoom's error code or OAuth error name when the body had one. */
  readonly code: string | null;

  constructor(status: number, code: string | null, detail: string) {
    super(`Zoom answered HTTP ${status}${code === null ? '' : ` (${code})`}: ${detail}`);
    this.status = status;
    this.code = code;
  }
}

/** Zoom's API errors are { code, message }; its OAuth errors are { error, reason }. */
const errorBody = z
  .object({
    code: z.union([z.number(), z.string()]).optional(),
    message: z.string().optional(),
    error: z.string().optional(),
    reason: z.string().optional(),
  })
  .catch({});

/**
 * Sends one request with a timeout. Rejects with MeetingError (cause attached) when Zoom cannot be
 * reached or does not answer in time; resolves with any HTTP answer, which the caller judges.
 */
export async function sendToZoom(url: string, init: RequestInit, timeoutMs: number) {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    // The cause is fetch's own error: it names the host, never our headers.
    throw new MeetingError(`Zoom could not be reached at ${new URL(url).host}`, { cause: error });
  }
}

/**
 * Turns a refusal into the error to throw: 429 and 5xx are retryable MeetingErrors; other 4xx
 * (credentials refused, a fresh token refused, unknown user, invalid request) are
 * MeetingConfigErrors, because sending the same thing again cannot help. Only Zoom's short code and
 * reason are quoted, capped in length, so a reflected header could not leak into logs.
 */
export async function zoomRefusal(
  response: Response,
  what: string,
): Promise<MeetingError | MeetingConfigError> {
  const body = errorBody.parse(await response.json().catch(() => ({})));
  const rawCode = body.code ?? body.error;
  const code = rawCode === undefined ? null : String(rawCode).slice(0, 40);
  const detail = (body.message ?? body.reason ?? response.statusText).slice(0, 200);
  const cause = new ZoomApiError(response.status, code, detail);
  const message = `${what}: ${cause.message}`;
  if (response.status === 429 || response.status >= 500) {
    return new MeetingError(message, { cause, retryAfterSeconds: retryAfter(response) });
  }
  return new MeetingConfigError(message, { cause });
}

function retryAfter(response: Response): number | null {
  const value = response.headers.get('retry-after');
  if (value === null || !/^\d{1,6}$/.test(value.trim())) return null;
  return Number(value.trim());
}
