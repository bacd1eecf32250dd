// Read-only: may a client pay this appointment's hold now, this amount in this currency?
import { eq } from 'drizzle-orm';
import { StoreError } from '../booking/store-errors.ts';
import type { Database } from '../db/database.ts';
import { appointments } from '../db/schema/appointments.ts';
import { isUuid } from '../domain/is-uuid.ts';
import { type NotFound, notFound, type Ok, ok } from '../domain/outcome.ts';

/** What a payment would pay: Slotline minor units in an upper-case ISO 4217 currency. */
export type HoldPayment = {
  readonly appointmentId: string;
  readonly amount: number;
  readonly currency: string;
};

export type HoldCheck =
  | Ok<{ readonly holdExpiresAt: Date }>
  | { readonly ok: false; readonly code: 'HOLD_EXPIRED'; readonly holdExpiresAt: Date | null }
  | { readonly ok: false; readonly code: 'NOT_AWAITING_PAYMENT' }
  | { readonly ok: false; readonly code: 'AMOUNT_MISMATCH' }
  | NotFound;

/**
 * Answers whether `payment` would pay the appointment's hold at `now`: it is AWAITING_PAYMENT,
 * its hold has not ended (now < hold_expires_at), and amount and currency are exactly what it owes. Takes no lock and changes nothing: the
 * answer can go stale, which is why recordPayment judges the payment again when it arrives.
 * HOLD_EXPIRED: the hold ended (holdExpiresAt set) or the appointment was cancelled (null).
 * NOT_AWAITING_PAYMENT: it is paid already (PENDING, CONFIRMED) or over (COMPLETED, NO_SHOW).
 * NOT_FOUND for an id that is no appointment; throws StoreError on database faults.
 */
export async function checkPaymentHold(
  db: Database,
  payment: HoldPayment,
  now: Date,
): Promise<HoldCheck> {
  if (!isUuid(payment.appointmentId)) return notFound('appointment');
  let row: typeof appointments.$inferSelect | undefined;
  try {
    [row] = await db
      .select()
      .from(appointments)
      .where(eq(appointments.id, payment.appointmentId))
      .limit(1);
  } catch (error) {
    throw new StoreError('checking a payment hold failed', { cause: error });
  }
  if (!row) return notFound('appointment');
  if (row.status !== 'AWAITING_PAYMENT' || row.holdExpiresAt === null) {
    // Cancelled: the hold was released (lapsed or given up); anything else was paid already.
    return row.status === 'CANCELLED'
      ? { ok: false, code: 'HOLD_EXPIRED', holdExpiresAt: null }
      : { ok: false, code: 'NOT_AWAITING_PAYMENT' };
  }
  if (now >= row.holdExpiresAt) {
    return { ok: false, code: 'HOLD_EXPIRED', holdExpiresAt: row.holdExpiresAt };
  }
  if (payment.amount !== row.amountDue || payment.currency !== row.currency) {
    return { ok: false, code: 'AMOUNT_MISMATCH' };
  }
  return ok({ holdExpiresAt: row.holdExpiresAt });
}
