// The money of one appointment for the admin API: what was asked and paid, and what went back.
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { appointments } from '../db/schema/appointments.ts';
import { payments, refunds } from '../db/schema/payments.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { NotFound, Ok } from '../domain/outcome.ts';
import { notFound } from '../domain/outcome.ts';
import type { Payment, Refund } from '../domain/payment.ts';

export type AppointmentMoney = { readonly payments: Payment[]; readonly refunds: Refund[] };

/**
 * Every payment (open, paid or expired) and refund of the appointment, oldest first. NOT_FOUND
 * for an unknown or malformed id; an appointment that never asked for money has two empty lists.
 * Throws the database's error on a fault.
 */
export async function listPayments(
  db: Database,
  appointmentId: string,
): Promise<Ok<AppointmentMoney> | NotFound> {
  if (!isUuid(appointmentId)) return notFound('appointment');
  const [found] = await db
    .select({ id: appointments.id })
    .from(appointments)
    .where(eq(appointments.id, appointmentId));
  if (!found) return notFound('appointment');
  const paid = await db
    .select()
    .from(payments)
    .where(eq(payments.appointmentId, appointmentId))
    .orderBy(asc(payments.createdAt), asc(payments.id));
  const back = await db
    .select()
    .from(refunds)
    .where(eq(refunds.appointmentId, appointmentId))
    .orderBy(asc(refunds.createdAt), asc(refunds.id));
  return { ok: true, value: { payments: paid, refunds: back } };
}
