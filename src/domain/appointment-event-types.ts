// The appointment event types: the one union the recorder, the relay, its plans and the CHECK constraint use.

/** Changes a person (client, provider, admin) or the system makes to an appointment. */
const CHANGE_EVENT_TYPES = [
  'BOOKED',
  'APPROVED',
  'DECLINED',
  'CANCELLED',
  'COMPLETED',
  'NO_SHOW',
  'RESCHEDULED',
  // Payments: the hold paid (AWAITING_PAYMENT -> CONFIRMED or PENDING) or lapsed (-> CANCELLED).
  'PAID',
  'HOLD_EXPIRED',
] as const;
export type ChangeEventType = (typeof CHANGE_EVENT_TYPES)[number];

/**
 * Money events that change no status: LATE_PAYMENT (a payment for a lapsed hold, refunded at
 * once), REFUNDED and REFUND_FAILED (the processor's answer, told to the client).
 */
const MONEY_EVENT_TYPES = ['LATE_PAYMENT', 'REFUNDED', 'REFUND_FAILED'] as const;
export type MoneyEventType = (typeof MONEY_EVENT_TYPES)[number];

/**
 * Every type appointment_events holds: the changes, the money events, plus DELIVERY_FAILED, which
 * the jobs record when a notice or mail is refused for good (it changes nothing and tells nobody).
 */
export const APPOINTMENT_EVENT_TYPES = [
  ...CHANGE_EVENT_TYPES,
  ...MONEY_EVENT_TYPES,
  'DELIVERY_FAILED',
] as const;
export type AppointmentEventType = (typeof APPOINTMENT_EVENT_TYPES)[number];

/** Narrows a stored type; the CHECK constraint makes anything else impossible. */
export function isAppointmentEventType(value: string): value is AppointmentEventType {
  return (APPOINTMENT_EVENT_TYPES as readonly string[]).includes(value);
}
