// Moves an appointment to a new start under the same lock and rules as a new booking.
import type { Database } from '../db/database.ts';
import { withPgTransaction } from '../db/pg-transaction.ts';
import type { Appointment } from '../domain/appointment.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { InvalidTransition, NotFound, Ok } from '../domain/outcome.ts';
import { notFound } from '../domain/outcome.ts';
import { invalidTransition } from './change-appointment-status.ts';
import { contextWindowAround } from './context-window.ts';
import { decideInContext, type TimeRefused } from './decide-booking.ts';
import { loadBookingContext } from './load-booking-context.ts';
import { lockProviderOn } from './lock-provider.ts';
import { lockAppointmentRow, moveAppointment } from './move-appointment.ts';
import { readAppointment } from './read-appointment.ts';
import { isExclusionViolation, StoreError } from './store-errors.ts';

export type RescheduleResult = Ok<Appointment> | NotFound | InvalidTransition | TimeRefused;

/**
 * Moves a PENDING or CONFIRMED appointment to `newStart`, keeping its status. Atomic: either the
 * appointment holds the new time and has released the old one, or nothing changed. The new start
 * must be one the slot engine would offer now, ignoring the appointment's own current time; an
 * inactive provider or service cannot take new times (NOT_FOUND). Throws StoreError on faults.
 */
export async function rescheduleAppointment(
  db: Database,
  input: { appointmentId: string; newStart: Date; actor: string },
  now: Date,
): Promise<RescheduleResult> {
  if (!isUuid(input.appointmentId)) return notFound('appointment');
  try {
    const before = await readAppointment(db, input.appointmentId);
    if (!before) return notFound('appointment');
    return await withPgTransaction(db.$client, async (client) => {
      // A provider never changes, so the unlocked read names the right lock; the row lock then
      // keeps a concurrent cancel from slipping between this check and the update.
      await lockProviderOn(client, before.providerId);
      const current = await lockAppointmentRow(client, before.id);
      if (!current) return notFound('appointment');
      if (current.status !== 'PENDING' && current.status !== 'CONFIRMED') {
        return invalidTransition(
          'reschedule',
          current.status,
          `cannot reschedule a ${current.status} appointment`,
        );
      }
      const context = await loadBookingContext(client, {
        ...current,
        ...contextWindowAround(input.newStart),
        excludeAppointmentId: current.id,
        idempotency: null,
        now,
      });
      if (!context.ok) return context;
      const decision = decideInContext(context, input.newStart, now);
      if (!decision.ok) return decision;
      const moved = await moveAppointment(
        client,
        { ...decision.value, current, actor: input.actor },
        now,
      );
      return { ok: true, value: moved } as const;
    });
  } catch (error) {
    if (isExclusionViolation(error)) return { ok: false, code: 'SLOT_TAKEN' };
    throw new StoreError('reschedule failed', { cause: error });
  }
}
