// The one error a payment call throws: a fault to fix (a bad key, a rejected request), not an outcome.

/**
 * Thrown for what retrying cannot mend: Stripe refused the key, the request or an idempotency
 * key reused with another body. `cause` is the SDK's error; the message names the operation and
 * Stripe's error code only (never a key, an amount or a person).
 */
export class PaymentFault extends Error {
  override name = 'PaymentFault';
  /** Stripe's error code (e.g. 'api_key_expired'), or its error type when it gave none. */
  readonly code: string;

  constructor(operation: string, code: string, options: { cause: unknown }) {
    super(`Stripe ${operation} failed: ${code}`, options);
    this.code = code;
  }
}
