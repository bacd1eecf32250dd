// Sorts an error from the Stripe SDK into "try later", "no such object", "declined" or a fault.
import Stripe from 'stripe';
import { PaymentFault } from './payment-fault.ts';

export type StripeFailure =
  | { readonly kind: 'unavailable' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'declined'; readonly code: string; readonly message: string };

/**
 * What `error` from `operation` means once the SDK's own retries are spent: connection errors,
 * timeouts, 429 and 5xx are 'unavailable'; a 404 is 'missing'; another 400 is 'declined' with
 * Stripe's code. Throws PaymentFault (with the error as cause) for the rest: bad key, missing
 * permission, an idempotency key reused with another body, or anything unknown.
 */
export function classifyStripeError(operation: string, error: unknown): StripeFailure {
  const errors = Stripe.errors;
  if (
    error instanceof errors.StripeConnectionError ||
    error instanceof errors.StripeRateLimitError ||
    error instanceof errors.StripeAPIError ||
    (error instanceof errors.StripeError && (error.statusCode ?? 0) >= 500)
  ) {
    return { kind: 'unavailable' };
  }
  if (error instanceof errors.StripeInvalidRequestError) {
    if (error.statusCode === 404) return { kind: 'missing' };
    if (error.statusCode === 400) {
      return { kind: 'declined', code: error.code ?? 'invalid_request', message: error.message };
    }
  }
  const code =
    error instanceof errors.StripeError ? (error.code ?? error.type) : 'unexpected_error';
  throw new PaymentFault(operation, code, { cause: error });
}
