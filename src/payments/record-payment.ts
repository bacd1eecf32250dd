// A payment arrived (Stripe webhook, Telegram update, a checkout found paid): confirm the hold or owe it back.
import { eq } from 'drizzle-orm';
import { initialStatus } from '../booking/decide-booking.ts';
import { recordAppointmentEvent } from '../booking/record-appointment-event.ts';
import { StoreError } from '../booking/store-errors.ts';
import type { Database, Tx } from '../db/database.ts';
import { appointments } from '../db/schema/appointments.ts';
import { services } from '../db/schema/providers.ts';
import type { Appointment } from '../domain/appointment.ts';
import type { Service } from '../domain/catalog.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { NotFound, Ok } from '../domain/outcome.ts';
import { notFound } from '../domain/outcome.ts';
import type { RefundReason } from '../domain/payment.ts';
import { endLapsedHold } from './end-lapsed-hold.ts';
import { oweRefund } from './owe-refund.ts';
import { type PaymentReceipt, type StoredPayment, storePayment } from './store-payment.ts';

/** confirmed: the hold is booked. duplicate: seen before, nothing done. refunding: owed back. */
export type PaymentOutcome =
  | Ok<{
      readonly kind: 'confirmed' | 'duplicate' | 'refunding';
      readonly appointment: Appointment;
    }>
  | NotFound;

/** Who the log names for changes the money makes. */
const ACTOR = 'system:payments';

/**
 * Records `receipt` once (keyed by its checkout session or Telegram charge) under the
 * appointment's row lock, then:
 * - an AWAITING_PAYMENT hold paid in full, in its currency, by its end (paidAt <= hold_expires_at)
 *   becomes CONFIRMED, or PENDING for a service needing approval (event PAID);
 * - anything else owes the payment back in full: a hold paid late is released first (event
 *   HOLD_EXPIRED), a hold already cancelled or released, a second payment of a paid appointment,
 *   or a wrong amount (event LATE_PAYMENT, whose refund job asks the processor).
 * A repeated receipt changes nothing ('duplicate'). Never confirms twice and never confirms a
 * lapsed hold. No network call happens here. NOT_FOUND for an unknown appointment id; throws
 * StoreError on database faults.
 */
export async function recordPayment(
  db: Database,
  receipt: PaymentReceipt,
  now: Date,
): Promise<PaymentOutcome> {
  if (!isUuid(receipt.appointmentId)) return notFound('appointment');
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ appointment: appointments, service: services })
        .from(appointments)
        .innerJoin(services, eq(services.id, appointments.serviceId))
        .where(eq(appointments.id, receipt.appointmentId))
        .for('update', { of: appointments });
      if (!row) return notFound('appointment');
      const stored = await storePayment(tx, receipt, now);
      if (!stored.fresh) return settled('duplicate', row.appointment);
      const refusal = whyNotPayable(row.appointment, receipt);
      if (refusal === null) return settled('confirmed', await confirmHold(tx, row, stored, now));
      return settled(
        'refunding',
        await refuse(tx, row.appointment, { stored, reason: refusal, paidAt: receipt.paidAt }, now),
      );
    });
  } catch (error) {
    throw new StoreError('recording a payment failed', { cause: error });
  }
}

function settled(kind: 'confirmed' | 'duplicate' | 'refunding', appointment: Appointment) {
  return { ok: true, value: { kind, appointment } } as const;
}

/** Null when the receipt pays the hold; otherwise why its money goes back. */
function whyNotPayable(a: Appointment, receipt: PaymentReceipt): RefundReason | null {
  if (a.status !== 'AWAITING_PAYMENT' || a.holdExpiresAt === null) {
    return a.status === 'CANCELLED' ? 'PAID_AFTER_HOLD' : 'DUPLICATE_PAYMENT';
  }
  if (receipt.paidAt > a.holdExpiresAt) return 'PAID_AFTER_HOLD';
  if (receipt.amount !== a.amountDue || receipt.currency !== a.currency) return 'AMOUNT_MISMATCH';
  return null;
}

/** AWAITING_PAYMENT -> CONFIRMED or PENDING, logged as PAID. */
async function confirmHold(
  tx: Tx,
  row: { appointment: Appointment; service: Service },
  stored: StoredPayment,
  now: Date,
): Promise<Appointment> {
  const status = initialStatus(row.service);
  const [updated] = await tx
    .update(appointments)
    .set({ status, holdExpiresAt: null, updatedAt: now })
    .where(eq(appointments.id, row.appointment.id))
    .returning();
  if (!updated) throw new StoreError('a paid hold could not be updated');
  await recordAppointmentEvent(tx, {
    appointmentId: updated.id,
    type: 'PAID',
    actor: ACTOR,
    fromStatus: 'AWAITING_PAYMENT',
    toStatus: status,
    payload: { payment_id: stored.paymentId, start_time: updated.startTime.toISOString() },
    at: now,
  });
  return updated;
}

/**
 * Owes the payment back. A hold paid too late is released here and now (its job may not have
 * run yet), so the slot frees at once; a mismatched amount leaves the hold to be paid properly.
 */
async function refuse(
  tx: Tx,
  current: Appointment,
  why: { stored: StoredPayment; reason: RefundReason; paidAt: Date },
  now: Date,
): Promise<Appointment> {
  const { stored, reason, paidAt } = why;
  const after =
    reason === 'PAID_AFTER_HOLD' ? await releaseHold(tx, current, paidAt, now) : current;
  const [refundId] = await oweRefund(
    tx,
    { appointmentId: current.id, reason, paymentId: stored.paymentId },
    now,
  );
  await recordAppointmentEvent(tx, {
    appointmentId: current.id,
    type: 'LATE_PAYMENT',
    actor: ACTOR,
    fromStatus: after.status,
    toStatus: after.status,
    payload: { payment_id: stored.paymentId, refund_id: refundId ?? null, reason },
    at: now,
  });
  const [reread] = await tx.select().from(appointments).where(eq(appointments.id, current.id));
  return reread ?? after;
}

/**
 * A hold paid after its end is released now (its job may not have run yet), at the later of now
 * and the payment, so the slot frees at once; other statuses are returned as they are.
 */
async function releaseHold(
  tx: Tx,
  current: Appointment,
  paidAt: Date,
  now: Date,
): Promise<Appointment> {
  if (current.status !== 'AWAITING_PAYMENT') return current;
  const at = new Date(Math.max(now.getTime(), paidAt.getTime()));
  await endLapsedHold(tx, current.id, current.startTime, at);
  const [reread] = await tx.select().from(appointments).where(eq(appointments.id, current.id));
  return reread ?? current;
}
