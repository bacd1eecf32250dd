// The reschedule's row lock and its write: new times and the RESCHEDULED event in one statement.
import type { SqlClient } from '../db/pg-transaction.ts';
import type { Appointment } from '../domain/appointment.ts';
import { appointmentJson } from './appointment-row-json.ts';
import type { PlannedTimes } from './decide-booking.ts';
import { StoreError } from './store-errors.ts';

/** Reads the appointment and locks its row until the transaction ends; null when missing. */
export async function lockAppointmentRow(
  client: SqlClient,
  id: string,
): Promise<Appointment | null> {
  const result = await client.query<{ appointment: unknown }>({
    name: 'slotline_lock_appointment',
    text: 'select row_to_json(a) as appointment from appointments a where a.id = $1 for update',
    values: [id],
  });
  const row = result.rows[0];
  return row ? appointmentJson.parse(row.appointment) : null;
}

/**
 * Sets the new start, end and blocked range of `current` and appends RESCHEDULED with the old and
 * new start. The exclusion constraint may refuse it (23P01): the caller reports SLOT_TAKEN.
 */
export async function moveAppointment(
  client: SqlClient,
  move: PlannedTimes & { readonly current: Appointment; readonly actor: string },
  now: Date,
): Promise<Appointment> {
  const result = await client.query<{ appointment: unknown }>({
    name: 'slotline_move_appointment',
    text: MOVE_SQL,
    values: [
      move.current.id,
      move.startTime,
      move.endTime,
      move.blockedUntil,
      now,
      move.actor,
      move.current.startTime,
    ],
  });
  const row = result.rows[0];
  if (!row) throw new StoreError('reschedule update returned no row');
  return appointmentJson.parse(row.appointment);
}

const MOVE_SQL = `
  with a as (
    update appointments set start_time = $2, end_time = $3, blocked_until = $4, updated_at = $5
    where id = $1
    returning *
  ), e as (
    insert into appointment_events (appointment_id, type, actor, from_status, to_status, payload, created_at)
    select a.id, 'RESCHEDULED', $6, a.status, a.status,
      jsonb_build_object('previous_start_time', $7::timestamptz, 'start_time', a.start_time), $5
    from a
  )
  select row_to_json(a) as appointment from a`;
