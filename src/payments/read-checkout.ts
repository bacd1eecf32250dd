// Reads one Checkout Session: is it still open, paid, or over.
import type { PaymentGateway } from '../ports/payment-gateway.ts';
import { PaymentFault } from './payment-fault.ts';
import type { StripeApi } from './stripe-client.ts';
import { classifyStripeError } from './stripe-failure.ts';
import { checkoutView } from './stripe-views.ts';

type ReadResult = Awaited<ReturnType<PaymentGateway['readCheckout']>>;

/**
 * The session's current view. NOT_FOUND for an unknown id, PAYMENT_UNAVAILABLE when Stripe stays
 * down; throws PaymentFault otherwise.
 */
export async function readCheckout(api: StripeApi, sessionId: string): Promise<ReadResult> {
  try {
    return {
      ok: true,
      checkout: checkoutView(
        await api.call((stripe) =>
          // The PaymentIntent comes along for its creation time: when the client paid.
          stripe.checkout.sessions.retrieve(sessionId, { expand: ['payment_intent'] }),
        ),
      ),
    };
  } catch (error) {
    const failure = classifyStripeError('read checkout', error);
    if (failure.kind === 'unavailable') return { ok: false, code: 'PAYMENT_UNAVAILABLE' };
    if (failure.kind === 'missing') return { ok: false, code: 'NOT_FOUND' };
    throw new PaymentFault('read checkout', failure.code, { cause: error });
  }
}
