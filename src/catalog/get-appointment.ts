// Reads one appointment by id, for callers that must not pass malformed ids to the database.
import { readAppointment } from '../booking/read-appointment.ts';
import type { Queryable } from '../db/database.ts';
import type { Appointment } from '../domain/appointment.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { NotFound, Ok } from '../domain/outcome.ts';
import { notFound, ok } from '../domain/outcome.ts';

/** The appointment with `id`, in any status; NOT_FOUND for an unknown or malformed id. */
export async function getAppointment(
  q: Queryable,
  id: string,
): Promise<Ok<Appointment> | NotFound> {
  if (!isUuid(id)) return notFound('appointment');
  const appointment = await readAppointment(q, id);
  return appointment ? ok(appointment) : notFound('appointment');
}
