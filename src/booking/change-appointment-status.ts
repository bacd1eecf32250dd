// The shared shape of a status change: lock the row, check the state machine, update, log.
import { eq } from 'drizzle-orm';
import type { Database, Tx } from '../db/database.ts';
import { appointments } from '../db/schema/appointments.ts';
import { services } from '../db/schema/providers.ts';
import type { Appointment, AppointmentStatus } from '../domain/appointment.ts';
import type { ChangeEventType } from '../domain/appointment-event-types.ts';
import type { Service } from '../domain/catalog.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { InvalidTransition, NotFound, Ok } from '../domain/outcome.ts';
import { notFound } from '../domain/outcome.ts';
import { recordAppointmentEvent } from './record-appointment-event.ts';
import { StoreError } from './store-errors.ts';

type AppointmentUpdate = Partial<
  Pick<
    Appointment,
    | 'status'
    | 'refundStatus'
    | 'cancelledAt'
    | 'cancelledBy'
    | 'cancellationReason'
    | 'holdExpiresAt'
  >
>;

export type StatusChange = {
  /** The verb the caller asked for, reported in INVALID_TRANSITION. */
  readonly action: string;
  readonly allowedFrom: readonly AppointmentStatus[];
  readonly eventType: ChangeEventType;
  readonly actor: string;
  readonly payload: Record<string, unknown>;
  /** Further rules on the locked row; returns the update, or refuses. */
  readonly plan: (
    current: Appointment,
    service: Service,
  ) => Ok<AppointmentUpdate> | InvalidTransition;
  /** Work in the same transaction after the update (e.g. the client's no-show count). */
  readonly after?: (tx: Tx, updated: Appointment) => Promise<void>;
};

export type StatusChangeResult = Ok<Appointment> | NotFound | InvalidTransition;

/**
 * Applies `change` to the appointment atomically: the row is locked FOR UPDATE, so two changes
 * never both succeed from the same state. Returns NOT_FOUND or INVALID_TRANSITION as values;
 * throws StoreError on faults.
 */
async function changeAppointmentStatus(
  db: Database,
  appointmentId: string,
  change: StatusChange,
  now: Date,
): Promise<StatusChangeResult> {
  if (!isUuid(appointmentId)) return notFound('appointment');
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ appointment: appointments, service: services })
        .from(appointments)
        .innerJoin(services, eq(services.id, appointments.serviceId))
        .where(eq(appointments.id, appointmentId))
        .for('update', { of: appointments });
      if (!row) return notFound('appointment');
      const current = row.appointment;
      if (!change.allowedFrom.includes(current.status)) {
        return invalidTransition(
          change.action,
          current.status,
          `cannot ${change.action} a ${current.status} appointment`,
        );
      }
      const planned = change.plan(current, row.service);
      if (!planned.ok) return planned;
      const [updated] = await tx
        .update(appointments)
        .set({ ...planned.value, updatedAt: now })
        .where(eq(appointments.id, appointmentId))
        .returning();
      if (!updated) throw new StoreError('update returned no row');
      await change.after?.(tx, updated);
      await recordAppointmentEvent(tx, {
        appointmentId,
        type: change.eventType,
        actor: change.actor,
        fromStatus: current.status,
        toStatus: updated.status,
        payload: change.payload,
        at: now,
      });
      return { ok: true, value: updated } as const;
    });
  } catch (error) {
    throw new StoreError(`${change.action} failed`, { cause: error });
  }
}

/** Who asks for a status change, and of which appointment; an action may add its own fields. */
export type StatusRequest = { readonly appointmentId: string; readonly actor: string };

/**
 * A status action made from its rule: `ruleOf` builds the change one request asks for at `now`,
 * and the action applies it with changeAppointmentStatus, the request's actor recorded.
 */
export function statusAction<I extends StatusRequest>(
  ruleOf: (input: I, now: Date) => Omit<StatusChange, 'actor'>,
): (db: Database, input: I, now: Date) => Promise<StatusChangeResult> {
  return (db, input, now) =>
    changeAppointmentStatus(
      db,
      input.appointmentId,
      { ...ruleOf(input, now), actor: input.actor },
      now,
    );
}

/** The INVALID_TRANSITION outcome for `action` from status `from`. */
export function invalidTransition(
  action: string,
  from: AppointmentStatus,
  message: string,
): InvalidTransition {
  return { ok: false, code: 'INVALID_TRANSITION', action, from, message };
}
