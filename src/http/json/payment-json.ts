// Payment links, payments and refunds as JSON: minor units, upper-case currencies, UTC instants.
import { z } from '@hono/zod-openapi';
import {
  PAYMENT_METHODS,
  PAYMENT_STATES,
  type Payment,
  REFUND_REASONS,
  REFUND_STATES,
  type Refund,
} from '../../domain/payment.ts';
import type { CheckoutLink } from '../../payments/start-checkout.ts';

export const PaymentLinkJson = z
  .object({
    checkout_url: z.string().nullable().openapi({
      description:
        'Stripe Checkout page; null when Stripe could not be reached (POST .../checkout retries)',
    }),
    amount: z.number().int().openapi({ description: 'Minor units of currency' }),
    currency: z.string(),
    hold_expires_at: z.string().openapi({ description: 'The slot is released unpaid after this' }),
  })
  .openapi('PaymentLink');
export type PaymentLinkJson = z.infer<typeof PaymentLinkJson>;

export function toPaymentLinkJson(link: CheckoutLink): PaymentLinkJson {
  return {
    checkout_url: link.url,
    amount: link.amount,
    currency: link.currency,
    hold_expires_at: link.holdExpiresAt.toISOString(),
  };
}

const PaymentJson = z.object({
  id: z.string(),
  method: z.enum(PAYMENT_METHODS),
  state: z.enum(PAYMENT_STATES),
  amount: z.number().int(),
  currency: z.string(),
  checkout_session_id: z.string().nullable(),
  payment_intent_id: z.string().nullable(),
  charge_id: z.string().nullable(),
  created_at: z.string(),
  paid_at: z.string().nullable(),
});

const RefundJson = z.object({
  id: z.string(),
  payment_id: z.string(),
  reason: z.enum(REFUND_REASONS),
  state: z.enum(REFUND_STATES),
  amount: z.number().int(),
  currency: z.string(),
  processor_refund_id: z.string().nullable(),
  failure: z.string().nullable(),
  created_at: z.string(),
  settled_at: z.string().nullable(),
});

export const AppointmentMoneyJson = z
  .object({ payments: z.array(PaymentJson), refunds: z.array(RefundJson) })
  .openapi('AppointmentPayments');
type AppointmentMoneyJson = z.infer<typeof AppointmentMoneyJson>;

export function toAppointmentMoneyJson(money: {
  payments: readonly Payment[];
  refunds: readonly Refund[];
}): AppointmentMoneyJson {
  return {
    payments: money.payments.map((p) => ({
      id: p.id,
      method: p.method,
      state: p.state,
      amount: p.amount,
      currency: p.currency,
      checkout_session_id: p.checkoutSessionId,
      payment_intent_id: p.paymentIntentId,
      charge_id: p.chargeId,
      created_at: p.createdAt.toISOString(),
      paid_at: p.paidAt?.toISOString() ?? null,
    })),
    refunds: money.refunds.map((r) => ({
      id: r.id,
      payment_id: r.paymentId,
      reason: r.reason,
      state: r.state,
      amount: r.amount,
      currency: r.currency,
      processor_refund_id: r.processorRefundId,
      failure: r.failure,
      created_at: r.createdAt.toISOString(),
      settled_at: r.settledAt?.toISOString() ?? null,
    })),
  };
}
