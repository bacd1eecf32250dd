// An appointment_events row as the outbox relay reads it: the input of every plan in src/jobs.
import type { AppointmentStatus } from '../domain/appointment.ts';
import type { AppointmentEventType } from '../domain/appointment-event-types.ts';

/** An appointment_events row as the relay reads it, with the appointment's provider and current start. */
export type RelayedEvent = {
  readonly id: number;
  readonly appointmentId: string;
  /** The appointment's provider: calendar pushes are grouped by it. */
  readonly providerId: string;
  readonly type: AppointmentEventType;
  /** Who made the change: 'client:<id>', 'provider:<id>', 'admin' or 'system:...'. */
  readonly actor: string;
  /** The status before the change; absent or null where unknown (tests, the first event). */
  readonly fromStatus?: AppointmentStatus | null;
  readonly toStatus: AppointmentStatus;
  readonly payload: Record<string, unknown>;
  readonly createdAt: Date;
  readonly currentStart: Date;
};
