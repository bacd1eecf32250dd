// Stripe's HTTP conventions for the fake: JSON error bodies, request ids, and integer parameters.
import { randomBytes } from 'node:crypto';

export type StripeReply = {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
};

/** A refusal a route throws; the server answers it as it is. */
export class StripeRefusal extends Error {
  readonly reply: StripeReply;
  constructor(reply: StripeReply) {
    super(`stripe fake refused with ${reply.status}`);
    this.reply = reply;
  }
}

export type StripeErrorType =
  | 'api_error'
  | 'card_error'
  | 'idempotency_error'
  | 'invalid_request_error';

/**
 * Stripe's error envelope, { error: { type, code?, message, param? } }, with the
 * Stripe-Should-Retry header Stripe sends when retrying cannot help (4xx) or when it can.
 */
export function stripeError(
  status: number,
  type: StripeErrorType,
  message: string,
  extra: { code?: string; param?: string; shouldRetry?: boolean; headers?: Record<string, string> },
): StripeReply {
  const headers: Record<string, string> = { ...extra.headers };
  if (extra.shouldRetry !== undefined) headers['stripe-should-retry'] = String(extra.shouldRetry);
  const error: Record<string, string> = { type, message };
  if (extra.code !== undefined) error.code = extra.code;
  if (extra.param !== undefined) error.param = extra.param;
  return { status, body: { error }, headers };
}

/** A 400 invalid_request_error that is never worth retrying. */
export function invalidRequest(message: string, code?: string, param?: string): StripeRefusal {
  return new StripeRefusal(
    stripeError(400, 'invalid_request_error', message, {
      shouldRetry: false,
      ...(code === undefined ? {} : { code }),
      ...(param === undefined ? {} : { param }),
    }),
  );
}

/** The 404 Stripe answers for an id in the path that names nothing. */
export function noSuch(kind: string, id: string, param = 'id'): StripeRefusal {
  return new StripeRefusal(
    stripeError(404, 'invalid_request_error', `No such ${kind}: '${id}'`, {
      code: 'resource_missing',
      param,
      shouldRetry: false,
    }),
  );
}

/** A required parameter missing. */
export function missingParam(param: string): StripeRefusal {
  return invalidRequest(`Missing required param: ${param}.`, 'parameter_missing', param);
}

/**
 * A whole number as Stripe parses it: digits only, so '10.5', '1e3' and '' are refused with
 * parameter_invalid_integer, like the real API (amounts are integer minor units).
 */
export function integerParam(value: string | undefined, param: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) {
    throw invalidRequest(`Invalid integer: ${value}`, 'parameter_invalid_integer', param);
  }
  return Number(value);
}

/** A Stripe-looking id: prefix and 24 random alphanumerics. */
export function stripeId(prefix: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(24);
  return `${prefix}_${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
}
