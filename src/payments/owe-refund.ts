// Records, inside the caller's transaction, that what a payment took is owed back to the client.
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import type { RefundReason } from '../domain/payment.ts';

/**
 * For every PAID payment of the appointment without a refund yet, inserts a REFUND_DUE refund of
 * its whole amount for `reason`, and sets the appointment's refund_status to REFUND_DUE when one
 * was written. Run in the transaction that decides the refund (a cancellation, a decline, a
 * payment that came too late), so the decision and the debt commit together; the refund job then
 * asks the processor, outside any transaction. The unique index on refunds.payment_id makes a
 * second decision write nothing: a payment is never refunded twice. Returns the new refunds' ids.
 * Only `paymentId` limits it to one payment (a second payment for an already paid hold).
 */
export async function oweRefund(
  tx: Tx,
  input: {
    readonly appointmentId: string;
    readonly reason: RefundReason;
    readonly paymentId?: string;
  },
  now: Date,
): Promise<string[]> {
  const at = now.toISOString();
  const only = input.paymentId ?? null;
  const { rows } = await tx.execute<{ id: string }>(sql`
    with owed as (
      insert into refunds (appointment_id, payment_id, reason, state, amount, currency, created_at)
      select p.appointment_id, p.id, ${input.reason}, 'REFUND_DUE', p.amount, p.currency,
        ${at}::timestamptz
      from payments p
      where p.appointment_id = ${input.appointmentId}::uuid and p.state = 'PAID'
        and (${only}::uuid is null or p.id = ${only}::uuid)
      on conflict (payment_id) do nothing
      returning id
    ), marked as (
      update appointments set refund_status = 'REFUND_DUE', updated_at = ${at}::timestamptz
      where id = ${input.appointmentId}::uuid and exists (select 1 from owed)
    )
    select id from owed`);
  return rows.map((r) => r.id);
}
