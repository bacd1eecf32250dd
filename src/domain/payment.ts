// Payments and refunds as the core sees them: the registries their tables' CHECKs are built from.

/** How a client was asked to pay: the platform decides (see the chat adapters and REST). */
export const PAYMENT_METHODS = ['STRIPE_CHECKOUT', 'TELEGRAM_INVOICE'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** OPEN: waiting for the client. PAID: the money arrived. EXPIRED: closed unpaid. */
export const PAYMENT_STATES = ['OPEN', 'PAID', 'EXPIRED'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

/**
 * Why money goes back; every reason refunds all that was paid. PAID_AFTER_HOLD: the hold had
 * lapsed or been cancelled. DUPLICATE_PAYMENT: the appointment was already paid (two ways, say).
 * AMOUNT_MISMATCH: a payment of another amount or currency than the appointment owes.
 */
export const REFUND_REASONS = [
  'CLIENT_CANCELLED',
  'PROVIDER_CANCELLED',
  'DECLINED',
  'PAID_AFTER_HOLD',
  'DUPLICATE_PAYMENT',
  'AMOUNT_MISMATCH',
] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

export const REFUND_STATES = ['REFUND_DUE', 'REFUNDED', 'REFUND_FAILED'] as const;
export type RefundState = (typeof REFUND_STATES)[number];

export type Payment = {
  readonly id: string;
  readonly appointmentId: string;
  readonly method: PaymentMethod;
  readonly state: PaymentState;
  /** Slotline's minor units in `currency` (see currency-units for the processor's). */
  readonly amount: number;
  readonly currency: string;
  readonly checkoutSessionId: string | null;
  readonly checkoutUrl: string | null;
  readonly paymentIntentId: string | null;
  readonly chargeId: string | null;
  readonly telegramChargeId: string | null;
  readonly createdAt: Date;
  readonly paidAt: Date | null;
};

export type Refund = {
  readonly id: string;
  readonly appointmentId: string;
  readonly paymentId: string;
  readonly reason: RefundReason;
  readonly state: RefundState;
  readonly amount: number;
  readonly currency: string;
  readonly processorRefundId: string | null;
  readonly failure: string | null;
  readonly createdAt: Date;
  readonly settledAt: Date | null;
};
