// Checks a Stripe webhook's signature with the SDK, at a time the caller gives, then parses it.
import Stripe from 'stripe';
import type { PaymentGateway } from '../ports/payment-gateway.ts';
import { paymentEvent } from './webhook-event.ts';

type VerifyResult = ReturnType<PaymentGateway['verifyWebhook']>;

/** Stripe's own default: a signature older than five minutes is refused as a possible replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * Verifies `rawBody` (the exact bytes received, before any JSON parsing) against the
 * Stripe-Signature header with the SDK's constructEvent: a v1 HMAC-SHA256 with `secret` over
 * "<t>.<body>", and t no more than `toleranceSeconds` before `now`. A missing header, a forged or
 * stale signature, an altered body and a signed body that is not an event are all BAD_SIGNATURE;
 * nothing is thrown.
 */
export function verifyWebhook(
  stripe: Stripe,
  secret: string,
  toleranceSeconds: number,
  input: { rawBody: string | Uint8Array; signatureHeader: string | undefined; now: Date },
): VerifyResult {
  if (input.signatureHeader === undefined || input.signatureHeader === '') {
    return { ok: false, code: 'BAD_SIGNATURE' };
  }
  try {
    const event = stripe.webhooks.constructEvent(
      input.rawBody,
      input.signatureHeader,
      secret,
      toleranceSeconds,
      undefined,
      input.now.getTime(),
    );
    if (typeof event?.id !== 'string' || typeof event.type !== 'string') {
      return { ok: false, code: 'BAD_SIGNATURE' };
    }
    return { ok: true, event: paymentEvent(event) };
  } catch (error) {
    // A signed body that is not JSON throws SyntaxError; either way the delivery is not trusted.
    if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
      return { ok: false, code: 'BAD_SIGNATURE' };
    }
    if (error instanceof SyntaxError) return { ok: false, code: 'BAD_SIGNATURE' };
    throw error;
  }
}
