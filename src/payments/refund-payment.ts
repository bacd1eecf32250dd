// Refunds a payment through Stripe's Refunds API, once per idempotency key.
import type { PaymentGateway, RefundRequest } from '../ports/payment-gateway.ts';
import { PaymentFault } from './payment-fault.ts';
import type { StripeApi } from './stripe-client.ts';
import { classifyStripeError } from './stripe-failure.ts';
import { refundView } from './stripe-views.ts';

type RefundResult = Awaited<ReturnType<PaymentGateway['refund']>>;

/**
 * Creates a refund of the payment intent's or the charge's `amount` (everything left when undefined) with the caller's idempotency
 * key, so a retry returns the first refund instead of paying again. The status may be 'pending':
 * refund.updated / refund.failed events settle it. REFUND_REFUSED when Stripe declines (already
 * refunded, more than was paid), PAYMENT_UNAVAILABLE when it stays down; throws PaymentFault for
 * an unknown payment or any other refusal.
 */
export async function refundPayment(api: StripeApi, request: RefundRequest): Promise<RefundResult> {
  try {
    const refund = await api.call((stripe) =>
      stripe.refunds.create(
        {
          ...(request.paymentIntentId === undefined
            ? { charge: request.chargeId }
            : { payment_intent: request.paymentIntentId }),
          ...(request.amount === undefined ? {} : { amount: request.amount }),
          metadata: { appointment_id: request.appointmentId },
        },
        { idempotencyKey: request.idempotencyKey },
      ),
    );
    return { ok: true, refund: refundView(refund) };
  } catch (error) {
    const failure = classifyStripeError('refund', error);
    if (failure.kind === 'unavailable') return { ok: false, code: 'PAYMENT_UNAVAILABLE' };
    if (failure.kind === 'declined') {
      return { ok: false, code: 'REFUND_REFUSED', reason: failure.code };
    }
    throw new PaymentFault('refund', 'resource_missing', { cause: error });
  }
}
