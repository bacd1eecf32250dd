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
] as const;
export type ChangeEventType = (typeof CHANGE_EVENT_TYPES)[number];

/**
 * Every type appointment_events holds: the changes, plus DELIVERY_FAILED, which the jobs record
 * when a notice or mail is refused for good (it changes nothing and tells nobody).
 */
export const APPOINTMENT_EVENT_TYPES = [...CHANGE_EVENT_TYPES, 'DELIVERY_FAILED'] as const;
export type AppointmentEventType = (typeof APPOINTMENT_EVENT_TYPES)[number];

/** Narrows a stored type; the CHECK constraint makes anything else impossible. */
export function isAppointmentEventType(value: string): value is AppointmentEventType {
  return (APPOINTMENT_EVENT_TYPES as readonly string[]).includes(value);
}
