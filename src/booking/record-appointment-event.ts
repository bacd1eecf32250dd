// Appends to appointment_events, the log later read as the outbox for notifications and calendars.

import type { Tx } from '../db/database.ts';
import { appointmentEvents } from '../db/schema/appointments.ts';
import type { AppointmentStatus } from '../domain/appointment.ts';
import type { ChangeEventType, MoneyEventType } from '../domain/appointment-event-types.ts';

type AppointmentEventInput = {
  readonly appointmentId: string;
  /**
   * Changes and money events (LATE_PAYMENT, REFUNDED, REFUND_FAILED); DELIVERY_FAILED is the
   * jobs' own record (record-delivery-failure.ts).
   */
  readonly type: ChangeEventType | MoneyEventType;
  /** Who acted, e.g. 'client:<id>', 'provider:<id>', 'admin'. */
  readonly actor: string;
  readonly fromStatus: AppointmentStatus | null;
  readonly toStatus: AppointmentStatus;
  readonly payload: Record<string, unknown>;
  readonly at: Date;
};

/** Appends one event inside the caller's transaction, so it commits or rolls back with the change. */
export async function recordAppointmentEvent(tx: Tx, event: AppointmentEventInput): Promise<void> {
  await tx.insert(appointmentEvents).values({
    appointmentId: event.appointmentId,
    type: event.type,
    actor: event.actor,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    payload: event.payload,
    createdAt: event.at,
  });
}
