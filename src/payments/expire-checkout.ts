// Closes a Checkout Session whose hold ran out, or reports that the client paid first.
import type { PaymentGateway } from '../ports/payment-gateway.ts';
import { PaymentFault } from './payment-fault.ts';
import { readCheckout } from './read-checkout.ts';
import type { StripeApi } from './stripe-client.ts';
import { classifyStripeError } from './stripe-failure.ts';
import { checkoutView } from './stripe-views.ts';

type ExpireResult = Awaited<ReturnType<PaymentGateway['expireCheckout']>>;

/**
 * Expires an open session so it can no longer be paid. Stripe refuses to expire a session that is
 * not open (paid or already expired): that session is read and returned as it is, so the caller
 * sees a payment that beat the expiry. NOT_FOUND for an unknown id, PAYMENT_UNAVAILABLE when Stripe
 * stays down; throws PaymentFault otherwise.
 */
export async function expireCheckout(api: StripeApi, sessionId: string): Promise<ExpireResult> {
  try {
    return {
      ok: true,
      checkout: checkoutView(
        await api.call((stripe) => stripe.checkout.sessions.expire(sessionId)),
      ),
    };
  } catch (error) {
    const failure = classifyStripeError('expire checkout', error);
    if (failure.kind === 'unavailable') return { ok: false, code: 'PAYMENT_UNAVAILABLE' };
    if (failure.kind === 'missing') return { ok: false, code: 'NOT_FOUND' };
    const current = await readCheckout(api, sessionId);
    if (current.ok && current.checkout.status === 'open') {
      throw new PaymentFault('expire checkout', failure.code, { cause: error });
    }
    return current;
  }
}
