// Reads one appointment by id.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { appointments } from '../db/schema/appointments.ts';
import type { Appointment } from '../domain/appointment.ts';
import { isUuid } from '../domain/is-uuid.ts';

/** The appointment with `id`, or null (also for a malformed id). Pass a transaction to read inside it. */
export async function readAppointment(q: Queryable, id: string): Promise<Appointment | null> {
  if (!isUuid(id)) return null;
  const [row] = await q.select().from(appointments).where(eq(appointments.id, id));
  return row ?? null;
}
