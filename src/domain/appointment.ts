// The appointment as the core sees it, independent of storage and transport.

export const APPOINTMENT_STATUSES = [
  'PENDING',
  'CONFIRMED',
  'CANCELLED',
  'COMPLETED',
  'NO_SHOW',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

/** Statuses that hold their time: the exclusion constraint and the slot engine count only these. */
export const ACTIVE_STATUSES = ['PENDING', 'CONFIRMED'] as const satisfies AppointmentStatus[];

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
export const REFUND_STATUSES = ['NONE', 'REFUND_DUE', 'NO_REFUND'] as const;
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
  readonly refundStatus: RefundStatus;
  readonly cancelledAt: Date | null;
  readonly cancelledBy: PartyRole | null;
  readonly cancellationReason: string | null;
  readonly externalEventId: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
};
