// Releases an unpaid hold whose end has passed, inside the caller's transaction: the one place a hold ends unpaid.
import { sql } from 'drizzle-orm';
import { recordAppointmentEvent } from '../booking/record-appointment-event.ts';
import type { Tx } from '../db/database.ts';
import { PAYMENTS_ACTOR } from './refund-settlement.ts';

/**
 * Cancels the appointment if it is still AWAITING_PAYMENT with hold_expires_at at or before `at`
 * (cancelled_by CLIENT, 'payment not received in time', hold cleared, event HOLD_EXPIRED by
 * system:payments) and returns true; a hold paid or released meanwhile is left alone (false). In
 * both cases the OPEN payments of a cancelled appointment become EXPIRED. Run it where the
 * appointment's row is locked or the update itself decides (its WHERE re-checks the state).
 */
export async function endLapsedHold(
  tx: Tx,
  appointmentId: string,
  startTime: Date,
  at: Date,
): Promise<boolean> {
  const when = at.toISOString();
  const { rows } = await tx.execute(sql`
    update appointments set status = 'CANCELLED', hold_expires_at = null,
      cancelled_at = ${when}::timestamptz, cancelled_by = 'CLIENT',
      cancellation_reason = 'payment not received in time', updated_at = ${when}::timestamptz
    where id = ${appointmentId}::uuid and status = 'AWAITING_PAYMENT'
      and hold_expires_at <= ${when}::timestamptz
    returning id`);
  const released = rows.length > 0;
  await tx.execute(sql`
    update payments set state = 'EXPIRED'
    where appointment_id = ${appointmentId}::uuid and state = 'OPEN'
      and exists (select 1 from appointments
        where id = ${appointmentId}::uuid and status = 'CANCELLED')`);
  if (released) {
    await recordAppointmentEvent(tx, {
      appointmentId,
      type: 'HOLD_EXPIRED',
      actor: PAYMENTS_ACTOR,
      fromStatus: 'AWAITING_PAYMENT',
      toStatus: 'CANCELLED',
      payload: { start_time: startTime.toISOString() },
      at,
    });
  }
  return released;
}
