// Paid appointments for the refund and hold tests: a hold booked, its checkout row, recordPayment.
import { randomUUID } from 'node:crypto';
import { bookAppointment } from '../../src/booking/book-appointment.ts';
import type { Database } from '../../src/db/database.ts';
import type { Appointment } from '../../src/domain/appointment.ts';
import { recordPayment } from '../../src/payments/record-payment.ts';
import type { Fixture } from '../support/fixtures.ts';
import type { TestDatabase } from '../support/test-database.ts';

/** A hold of `f`'s (paid) service for its client at `start`, booked at `now` for 15 minutes. */
export async function bookHold(
  db: Database,
  f: Pick<Fixture, 'providerId' | 'serviceId' | 'clientId'>,
  start: Date,
  now: Date,
): Promise<Appointment> {
  const r = await bookAppointment(
    db,
    {
      providerId: f.providerId,
      serviceId: f.serviceId,
      clientId: f.clientId,
      startTime: start,
      notes: null,
      idempotencyKey: randomUUID(),
      actor: `client:${f.clientId}`,
      paymentHoldMinutes: 15,
    },
    now,
  );
  if (!r.ok) throw new Error(`hold refused: ${r.code}`);
  return r.value.appointment;
}

/** Stores the hold's OPEN checkout row for `sessionId`, as starting a checkout does. */
export async function storeOpenCheckout(
  t: TestDatabase,
  hold: Appointment,
  sessionId: string,
  now: Date,
): Promise<void> {
  await t.pool.query(
    `insert into payments (appointment_id, method, state, amount, currency, checkout_session_id,
       checkout_url, created_at)
     values ($1, 'STRIPE_CHECKOUT', 'OPEN', $2, $3, $4, 'https://pay.test/x', $5)`,
    [hold.id, hold.amountDue, hold.currency, sessionId, now],
  );
}

/** The client pays the hold's session `sessionId` by `paymentIntentId` at `paidAt`; confirmed. */
export async function payHold(
  t: TestDatabase,
  hold: Appointment,
  ids: { sessionId: string; paymentIntentId: string },
  paidAt: Date,
): Promise<Appointment> {
  const r = await recordPayment(
    t.db,
    {
      appointmentId: hold.id,
      method: 'STRIPE_CHECKOUT',
      amount: hold.amountDue,
      currency: hold.currency,
      checkoutSessionId: ids.sessionId,
      paymentIntentId: ids.paymentIntentId,
      chargeId: null,
      telegramChargeId: null,
      paidAt,
    },
    paidAt,
  );
  if (!r.ok || r.value.kind !== 'confirmed') throw new Error('payment not confirmed');
  return r.value.appointment;
}

/** The appointment's refunds and its refund_status, as stored. */
export async function refundsOf(t: TestDatabase, appointmentId: string) {
  const { rows } = await t.pool.query<{
    id: string;
    reason: string;
    state: string;
    amount: number;
    processor_refund_id: string | null;
    failure: string | null;
    settled_at: Date | null;
  }>(
    `select id, reason, state, amount, processor_refund_id, failure, settled_at
     from refunds where appointment_id = $1 order by created_at, id`,
    [appointmentId],
  );
  const { rows: a } = await t.pool.query<{ refund_status: string; status: string }>(
    'select refund_status, status from appointments where id = $1',
    [appointmentId],
  );
  return { refunds: rows, refundStatus: a[0]?.refund_status, status: a[0]?.status };
}

/** The appointment's events of `type`, oldest first. */
export async function eventsOf(t: TestDatabase, appointmentId: string, type: string) {
  const { rows } = await t.pool.query<{
    actor: string;
    from_status: string | null;
    to_status: string;
    payload: Record<string, unknown>;
  }>(
    `select actor, from_status, to_status, payload from appointment_events
     where appointment_id = $1 and type = $2 order by id`,
    [appointmentId, type],
  );
  return rows;
}
