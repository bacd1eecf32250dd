// The provider accepts a PENDING request.

import type { Database } from '../db/database.ts';
import { ok } from '../domain/outcome.ts';
import { changeAppointmentStatus, type StatusChangeResult } from './change-appointment-status.ts';

/** PENDING -> CONFIRMED; the slot was already held, so no availability check. */
export function approveAppointment(
  db: Database,
  input: { appointmentId: string; actor: string },
  now: Date,
): Promise<StatusChangeResult> {
  return changeAppointmentStatus(
    db,
    input.appointmentId,
    {
      action: 'approve',
      allowedFrom: ['PENDING'],
      eventType: 'APPROVED',
      actor: input.actor,
      payload: {},
      plan: () => ok({ status: 'CONFIRMED' }),
    },
    now,
  );
}
