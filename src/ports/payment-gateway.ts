// What the booking core may ask of a card processor: checkout links, refunds and verified webhooks.

/** Stripe stayed down (429, 5xx, resets, timeouts) through every retry; nothing was lost. */
type PaymentUnavailable = { readonly ok: false; readonly code: 'PAYMENT_UNAVAILABLE' };

export type CheckoutRequest = {
  /** Goes into metadata.appointment_id and client_reference_id, and names the idempotency key. */
  readonly appointmentId: string;
  /** Integer minor units as services.price stores them (converted exactly for the processor). */
  readonly price: number;
  /** Upper-case ISO 4217 code as services.currency stores it. */
  readonly currency: string;
  /** The line the client sees on the payment page, e.g. the service's name; no personal data. */
  readonly description: string;
  readonly successUrl: string;
  readonly cancelUrl: string;
  /**
   * When the payment page closes (Stripe: 30 minutes to 24 hours ahead). Pass a value stored
   * with the appointment: a retried call must send the same request, or the key refuses it.
   */
  readonly expiresAt: Date;
};

export type CheckoutStatus = 'open' | 'complete' | 'expired';

/** A checkout session as the core needs it: whose it is, whether it was paid, and by what. */
export type CheckoutView = {
  readonly sessionId: string;
  /** From client_reference_id; null for a session Slotline did not create. */
  readonly appointmentId: string | null;
  readonly status: CheckoutStatus;
  readonly paid: boolean;
  /** The payment to refund; null until the client has paid. */
  readonly paymentIntentId: string | null;
  /**
   * When the client paid (the PaymentIntent's creation: Checkout makes it as the client pays);
   * null when unpaid or when the session was read without its PaymentIntent.
   */
  readonly paidAt: Date | null;
  /** In the processor's minor units, with its lower-case currency code. */
  readonly amountTotal: number | null;
  readonly currency: string | null;
};

export type RefundStatus = 'pending' | 'requires_action' | 'succeeded' | 'failed' | 'canceled';

/**
 * What to refund: a Checkout payment by its PaymentIntent, or a Telegram payment by the charge id
 * Telegram passed on from the processor (provider_payment_charge_id); exactly one of the two.
 */
type RefundTarget =
  | { readonly paymentIntentId: string; readonly chargeId?: undefined }
  | { readonly chargeId: string; readonly paymentIntentId?: undefined };

export type RefundRequest = RefundTarget & {
  /** Processor minor units; undefined refunds everything not yet refunded. */
  readonly amount?: number;
  /** Derived from the appointment and the reason, so a retried refund is never paid twice. */
  readonly idempotencyKey: string;
  /** Copied into the refund's metadata (ids and reasons only). */
  readonly appointmentId: string;
};

export type RefundView = {
  readonly refundId: string;
  readonly status: RefundStatus;
  readonly amount: number;
  readonly paymentIntentId: string | null;
  readonly appointmentId: string | null;
};

/** The parts of a verified webhook event the core acts on; anything else is kind 'other'. */
export type PaymentEventData =
  | { readonly kind: 'checkout'; readonly checkout: CheckoutView }
  | { readonly kind: 'refund'; readonly refund: RefundView }
  | {
      readonly kind: 'payment_intent';
      readonly paymentIntentId: string;
      readonly status: string;
      readonly appointmentId: string | null;
    }
  | { readonly kind: 'other' };

export type PaymentEvent = {
  /** Unique per event: a redelivery has the same id, which is how duplicates are recognised. */
  readonly id: string;
  readonly type: string;
  /** When the processor created the event: orders out-of-order deliveries. */
  readonly createdAt: Date;
  readonly data: PaymentEventData;
};

/** A Checkout Session as the processor has it now, or NOT_FOUND. */
type CheckoutLookup =
  | { readonly ok: true; readonly checkout: CheckoutView }
  | { readonly ok: false; readonly code: 'NOT_FOUND' }
  | PaymentUnavailable;

/** A card processor. Card data never passes through it: clients pay on the processor's page. */
export type PaymentGateway = {
  /** A hosted payment page for one appointment; the same appointment gets the same session. */
  createCheckout(
    request: CheckoutRequest,
  ): Promise<
    | { readonly ok: true; readonly sessionId: string; readonly url: string }
    | { readonly ok: false; readonly code: 'AMOUNT_NOT_CHARGEABLE'; readonly reason: string }
    | PaymentUnavailable
  >;
  /** Closes an open session; one already paid or expired comes back as it is. */
  expireCheckout(sessionId: string): Promise<CheckoutLookup>;
  readCheckout(sessionId: string): Promise<CheckoutLookup>;
  /** Refunds through the processor; REFUND_REFUSED when it declines (e.g. already refunded). */
  refund(
    request: RefundRequest,
  ): Promise<
    | { readonly ok: true; readonly refund: RefundView }
    | { readonly ok: false; readonly code: 'REFUND_REFUSED'; readonly reason: string }
    | PaymentUnavailable
  >;
  /**
   * Checks a webhook's signature against its raw bytes and `now` (never the machine clock in
   * tests), then parses it. BAD_SIGNATURE for a forged, altered or stale delivery.
   */
  verifyWebhook(
    rawBody: string | Uint8Array,
    signatureHeader: string | undefined,
    now: Date,
  ):
    | { readonly ok: true; readonly event: PaymentEvent }
    | { readonly ok: false; readonly code: 'BAD_SIGNATURE' };
};
