// The appointment as the core sees it, independent of storage and transport.

export const APPOINTMENT_STATUSES = [
  // A paid service's slot, held until the client pays or hold_expires_at passes.
  'AWAITING_PAYMENT',
  'PENDING',
  'CONFIRMED',
  'CANCELLED',
  'COMPLETED',
  'NO_SHOW',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Statuses that hold their time: the exclusion constraint and the slot engine count only these. */
export const ACTIVE_STATUSES = [
  'AWAITING_PAYMENT',
  'PENDING',
  'CONFIRMED',
] as const satisfies AppointmentStatus[];

/**
 * The changes after booking, named as the mails and chat notices that tell of them: both kinds
 * of message cover the same changes and differ only in how they tell of the booking itself.
 */
export const LATER_CHANGE_KINDS = [
  'approved',
  'declined',
  'cancelled',
  'rescheduled',
  'no-show',
] as const;

export const PARTY_ROLES = ['CLIENT', 'PROVIDER'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];
/**
 * NONE: nothing to give back. NO_REFUND: the policy keeps what was paid. REFUND_DUE: owed, and
 * for a paid appointment on its way to the processor; REFUNDED or REFUND_FAILED is the outcome.
 */
export const REFUND_STATUSES = [
  'NONE',
  'REFUND_DUE',
  'NO_REFUND',
  'REFUNDED',
  'REFUND_FAILED',
] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export type Appointment = {
  readonly id: string;
  readonly providerId: string;
  readonly clientId: string;
  readonly serviceId: string;
  readonly startTime: Date;
  readonly endTime: Date;
  /** endTime plus the service buffer at booking time. */
  readonly blockedUntil: Date;
  readonly status: AppointmentStatus;
  readonly notes: string | null;
  readonly meetingLink: string | null;
  readonly price: number;
  readonly currency: string;
  /** What the client pays when booking (the deposit or the price), minor units; 0 when free. */
  readonly amountDue: number;
  /** While AWAITING_PAYMENT: when the unpaid hold lapses. Null in every other status. */
  readonly holdExpiresAt: Date | null;
  readonly refundStatus: RefundStatus;
  readonly cancelledAt: Date | null;
  readonly cancelledBy: PartyRole | null;
  readonly cancellationReason: string | null;
  readonly externalEventId: string | null;
  /** The weekly series this is an occurrence of; null for a single booking. */
  readonly seriesId: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
};
