// Builds the Stripe SDK client for an API base URL, with a timeout and retries on every call.
import Stripe from 'stripe';
import { type RateLimitRetry, retryRateLimited } from './retry-rate-limited.ts';

/** The SDK client and the wrapper every request goes through (429s retried after Retry-After). */
export type StripeApi = {
  readonly stripe: Stripe;
  readonly call: <T>(request: (stripe: Stripe) => Promise<T>) => Promise<T>;
};

export type StripeClientSettings = {
  readonly secretKey: string;
  /** e.g. https://api.stripe.com or a fake's http://127.0.0.1:PORT; only the origin is used. */
  readonly apiBase: string;
  /** Per attempt, connecting included. */
  readonly timeoutMs: number;
  /** Retries after the first attempt, with the SDK's backoff (0.5 s doubling, at most 5 s). */
  readonly maxNetworkRetries: number;
  readonly rateLimit: RateLimitRetry;
};

/**
 * A configured SDK client. The SDK retries connection errors, 409, 5xx and whatever Stripe marks
 * with Stripe-Should-Retry: true, reusing one Idempotency-Key, so a retried POST never pays or
 * refunds twice. Throws TypeError for an apiBase that is not an http(s) URL.
 */
export function createStripeClient(settings: StripeClientSettings): StripeApi {
  const base = new URL(settings.apiBase);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') {
    throw new TypeError('the Stripe API base must be an http(s) URL');
  }
  const protocol = base.protocol === 'https:' ? 'https' : 'http';
  const stripe = new Stripe(settings.secretKey, {
    host: base.hostname,
    port: base.port === '' ? (protocol === 'https' ? 443 : 80) : Number(base.port),
    protocol,
    timeout: settings.timeoutMs,
    maxNetworkRetries: settings.maxNetworkRetries,
    // No latency reports to Stripe about earlier requests.
    telemetry: false,
  });
  return { stripe, call: (request) => retryRateLimited(() => request(stripe), settings.rateLimit) };
}
