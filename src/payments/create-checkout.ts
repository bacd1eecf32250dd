// Opens a Stripe Checkout Session for one appointment, once, whatever the retries.
import type { CheckoutRequest, PaymentGateway } from '../ports/payment-gateway.ts';
import { toStripeAmount } from './currency-units.ts';
import { PaymentFault } from './payment-fault.ts';
import type { StripeApi } from './stripe-client.ts';
import { classifyStripeError } from './stripe-failure.ts';

type CheckoutResult = Awaited<ReturnType<PaymentGateway['createCheckout']>>;

// Stripe's codes for an amount outside what it will charge (per currency minimums and maximums).
const AMOUNT_CODES = new Set(['amount_too_small', 'amount_too_large', 'invalid_integer']);

/** The idempotency key of an appointment's checkout: every retry, by the SDK or a job, reuses it. */
function checkoutIdempotencyKey(appointmentId: string): string {
  return `slotline-checkout-${appointmentId}`;
}

/**
 * Creates a one-line, pay-now Checkout Session. The price is converted exactly (never rounded)
 * or refused as AMOUNT_NOT_CHARGEABLE, as is an amount Stripe declines. The appointment id goes
 * into client_reference_id and the session's and payment's metadata, so every later event names
 * it. PAYMENT_UNAVAILABLE when Stripe stays down; throws PaymentFault for any other refusal.
 */
export async function createCheckout(
  api: StripeApi,
  request: CheckoutRequest,
): Promise<CheckoutResult> {
  const converted = toStripeAmount(request.price, request.currency);
  if (!converted.ok) return { ok: false, code: 'AMOUNT_NOT_CHARGEABLE', reason: converted.reason };
  const metadata = { appointment_id: request.appointmentId };
  try {
    const session = await api.call((stripe) =>
      stripe.checkout.sessions.create(
        {
          mode: 'payment',
          line_items: [
            {
              quantity: 1,
              price_data: {
                currency: converted.amount.currency,
                unit_amount: converted.amount.unitAmount,
                product_data: { name: request.description },
              },
            },
          ],
          client_reference_id: request.appointmentId,
          // The page speaks the payer's browser language. The client's chat language would
          // change the parameters of a retry under the same idempotency key, which Stripe refuses.
          locale: 'auto',
          metadata,
          payment_intent_data: { metadata },
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
          expires_at: Math.floor(request.expiresAt.getTime() / 1000),
        },
        { idempotencyKey: checkoutIdempotencyKey(request.appointmentId) },
      ),
    );
    if (!session.url) {
      throw new PaymentFault('create checkout', 'missing_url', { cause: new Error(session.id) });
    }
    return { ok: true, sessionId: session.id, url: session.url };
  } catch (error) {
    if (error instanceof PaymentFault) throw error;
    const failure = classifyStripeError('create checkout', error);
    if (failure.kind === 'unavailable') return { ok: false, code: 'PAYMENT_UNAVAILABLE' };
    if (failure.kind === 'declined' && AMOUNT_CODES.has(failure.code)) {
      return { ok: false, code: 'AMOUNT_NOT_CHARGEABLE', reason: failure.message };
    }
    const code = failure.kind === 'declined' ? failure.code : 'resource_missing';
    throw new PaymentFault('create checkout', code, { cause: error });
  }
}
