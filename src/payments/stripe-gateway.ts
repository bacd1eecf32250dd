// The PaymentGateway on Stripe: the SDK configured once, each call in its own small module.
import type { Logger } from '../ports/logger.ts';
import type { PaymentGateway } from '../ports/payment-gateway.ts';
import { createCheckout } from './create-checkout.ts';
import { expireCheckout } from './expire-checkout.ts';
import { readCheckout } from './read-checkout.ts';
import { refundPayment } from './refund-payment.ts';
import { createStripeClient } from './stripe-client.ts';
import { verifyWebhook, WEBHOOK_TOLERANCE_SECONDS } from './verify-webhook.ts';

/** The SDK's backoff waits 0.5 s, then 1 s: three attempts fit well inside a person's patience. */
const DEFAULT_RETRIES = 2;
/** A 429 asking for a longer pause than this is reported as PAYMENT_UNAVAILABLE at once. */
const MAX_RETRY_AFTER_MS = 5_000;

export type StripeGatewayConfig = {
  readonly secretKey: string;
  readonly webhookSecret: string;
  readonly apiBase: string;
  /** Per attempt, connecting included. */
  readonly timeoutMs: number;
  readonly maxNetworkRetries?: number;
  readonly webhookToleranceSeconds?: number;
  readonly logger: Logger;
};

/**
 * A PaymentGateway talking to Stripe at `apiBase`. Every call has the timeout and the retries;
 * when Stripe stays down the result is PAYMENT_UNAVAILABLE (logged with the operation only, never
 * keys, amounts or people). Throws TypeError for an apiBase that is not an http(s) URL.
 */
export function createStripeGateway(config: StripeGatewayConfig): PaymentGateway {
  const retries = config.maxNetworkRetries ?? DEFAULT_RETRIES;
  const api = createStripeClient({
    secretKey: config.secretKey,
    apiBase: config.apiBase,
    timeoutMs: config.timeoutMs,
    maxNetworkRetries: retries,
    rateLimit: { retries, maxWaitMs: MAX_RETRY_AFTER_MS },
  });
  const tolerance = config.webhookToleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS;
  const noted = <T extends { ok: boolean }>(operation: string, result: T): T => {
    if (!result.ok && 'code' in result && result.code === 'PAYMENT_UNAVAILABLE') {
      config.logger.warn({ operation, code: 'PAYMENT_UNAVAILABLE' }, 'Stripe unavailable');
    }
    return result;
  };
  return {
    createCheckout: async (request) => noted('create checkout', await createCheckout(api, request)),
    expireCheckout: async (id) => noted('expire checkout', await expireCheckout(api, id)),
    readCheckout: async (id) => noted('read checkout', await readCheckout(api, id)),
    refund: async (request) => noted('refund', await refundPayment(api, request)),
    verifyWebhook: (rawBody, signatureHeader, now) =>
      verifyWebhook(api.stripe, config.webhookSecret, tolerance, { rawBody, signatureHeader, now }),
  };
}
