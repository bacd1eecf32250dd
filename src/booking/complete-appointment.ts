// The provider marks a confirmed appointment as having taken place.

import type { Database } from '../db/database.ts';
import { ok } from '../domain/outcome.ts';
import {
  changeAppointmentStatus,
  invalidTransition,
  type StatusChangeResult,
} from './change-appointment-status.ts';

/** CONFIRMED -> COMPLETED, only once the start has passed. */
export function completeAppointment(
  db: Database,
  input: { appointmentId: string; actor: string },
  now: Date,
): Promise<StatusChangeResult> {
  return changeAppointmentStatus(
    db,
    input.appointmentId,
    {
      action: 'complete',
      allowedFrom: ['CONFIRMED'],
      eventType: 'COMPLETED',
      actor: input.actor,
      payload: {},
      plan: (current) =>
        current.startTime > now
          ? invalidTransition('complete', current.status, 'the appointment has not started yet')
          : ok({ status: 'COMPLETED' }),
    },
    now,
  );
}
