// Retries a Stripe call refused with 429, after the Retry-After Stripe asked for.
import Stripe from 'stripe';

export type RateLimitRetry = {
  /** Further attempts after a 429. */
  readonly retries: number;
  /** A longer Retry-After is not waited for: the call fails at once rather than keep a person waiting. */
  readonly maxWaitMs: number;
};

// Without a Retry-After header, wait as long as the SDK's first network retry would.
const DEFAULT_WAIT_MS = 500;

/**
 * Runs `request`, and again after a 429 (StripeRateLimitError), up to `retries` times. The SDK
 * does not retry a 429 unless Stripe marks it Stripe-Should-Retry: true (lock timeouts), because a
 * rate limit usually means "slow down": this waits exactly the Retry-After Stripe sent. Safe for
 * POSTs because they carry one idempotency key across attempts. Rethrows the last error otherwise.
 */
export async function retryRateLimited<T>(
  request: () => Promise<T>,
  policy: RateLimitRetry,
): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await request();
    } catch (error) {
      if (!(error instanceof Stripe.errors.StripeRateLimitError) || attempt >= policy.retries) {
        throw error;
      }
      const waitMs = retryAfterMs(error.headers?.['retry-after']);
      if (waitMs > policy.maxWaitMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}

/** Retry-After in delta-seconds as milliseconds; a missing or odd value means the default. */
function retryAfterMs(header: string | undefined): number {
  const seconds = Number(header);
  return header !== undefined && Number.isFinite(seconds) && seconds >= 0
    ? seconds * 1000
    : DEFAULT_WAIT_MS;
}
