// How long a call to a calendar or its OAuth server may take, and how long a Retry-After is waited out.

/**
 * Connect and answer together, per HTTP request, for Google, Microsoft and their token endpoints.
 * A stuck request ends after this and the job retries with backoff.
 */
export const OUTBOUND_TIMEOUT_MS = 20_000;

/**
 * The longest Retry-After a client waits out itself before sending once more. A longer one (or a
 * second 429) fails the call as unavailable, and the job retries with pg-boss's backoff.
 */
export const RETRY_AFTER_CAP_MS = 10_000;

/**
 * A Retry-After header in milliseconds (delta-seconds or an HTTP date, measured from `now`), or
 * null when absent or unreadable.
 */
export function retryAfterMs(header: string | null | undefined, now: Date): number | null {
  if (header === null || header === undefined) return null;
  const value = header.trim();
  if (/^\d{1,7}$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}
