// Records the processor's answer on one refund: its state, the appointment's refund_status, the event.
import { sql } from 'drizzle-orm';
import { recordAppointmentEvent } from '../booking/record-appointment-event.ts';
import type { Tx } from '../db/database.ts';
import type { AppointmentStatus } from '../domain/appointment.ts';
import type { RefundState } from '../domain/payment.ts';

/** Who the log names for what the processor did with the money. */
export const PAYMENTS_ACTOR = 'system:payments';

export type RefundSettlement = {
  readonly refundId: string;
  readonly to: Exclude<RefundState, 'REFUND_DUE'>;
  /** The states the refund may be in for this answer to apply; any other: nothing changes. */
  readonly from: readonly RefundState[];
  /** Stripe's re_... id; null keeps the one stored. */
  readonly processorRefundId: string | null;
  /** Why it failed, in the processor's words (codes, never personal data); null when it did not. */
  readonly failure: string | null;
};

/**
 * Moves one refund to `to` when it is in one of `from` (settled_at = now), recomputes the
 * appointment's refund_status from all its refunds (any failed: REFUND_FAILED; any still due:
 * REFUND_DUE; else REFUNDED) and records REFUNDED or REFUND_FAILED (status unchanged, actor
 * system:payments, payload refund_id, amount, currency). The appointment row is locked first, in
 * the order every status change takes, so this never deadlocks with a cancellation. Returns false,
 * changing nothing, when the refund is unknown or already elsewhere: a repeated answer (a retried
 * job, a redelivered webhook) records nothing twice. Runs in the caller's short transaction.
 */
export async function settleRefund(tx: Tx, s: RefundSettlement, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const { rows: owners } = await tx.execute<{ appointment_id: string }>(
    sql`select appointment_id from refunds where id = ${s.refundId}::uuid`,
  );
  const appointmentId = owners[0]?.appointment_id;
  if (appointmentId === undefined) return false;
  const { rows: locked } = await tx.execute<{ status: AppointmentStatus }>(
    sql`select status from appointments where id = ${appointmentId}::uuid for update`,
  );
  const status = locked[0]?.status;
  if (status === undefined) return false;
  const { rows: moved } = await tx.execute<{ amount: number; currency: string }>(sql`
    update refunds set state = ${s.to}, settled_at = ${at}::timestamptz, failure = ${s.failure},
      processor_refund_id = coalesce(${s.processorRefundId}, processor_refund_id)
    where id = ${s.refundId}::uuid
      and state in (${sql.join(
        s.from.map((state) => sql`${state}`),
        sql`, `,
      )})
    returning amount, currency`);
  const refund = moved[0];
  if (refund === undefined) return false;
  await tx.execute(sql`
    update appointments set updated_at = ${at}::timestamptz, refund_status = (
      select case when bool_or(state = 'REFUND_FAILED') then 'REFUND_FAILED'
        when bool_or(state = 'REFUND_DUE') then 'REFUND_DUE' else 'REFUNDED' end
      from refunds where appointment_id = ${appointmentId}::uuid)::refund_status
    where id = ${appointmentId}::uuid`);
  await recordAppointmentEvent(tx, {
    appointmentId,
    type: s.to,
    actor: PAYMENTS_ACTOR,
    fromStatus: status,
    toStatus: status,
    payload: { refund_id: s.refundId, amount: refund.amount, currency: refund.currency },
    at: now,
  });
  return true;
}
