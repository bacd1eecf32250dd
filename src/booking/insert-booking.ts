// Writes a new booking in one statement: the appointment, its BOOKED event and its idempotency key.
import type { SqlClient } from '../db/pg-transaction.ts';
import type { Appointment, AppointmentStatus } from '../domain/appointment.ts';
import { IDEMPOTENCY_TTL_MS } from './idempotency.ts';
import { StoreError } from './store-errors.ts';

export type NewBooking = {
  readonly providerId: string;
  readonly clientId: string;
  readonly serviceId: string;
  readonly startTime: Date;
  readonly endTime: Date;
  readonly blockedUntil: Date;
  readonly status: AppointmentStatus;
  readonly notes: string | null;
  readonly price: number;
  readonly currency: string;
  readonly actor: string;
  readonly key: { readonly scope: string; readonly key: string; readonly requestHash: string };
};

/**
 * Inserts the appointment, appends BOOKED to appointment_events and records the idempotency key
 * (replacing an expired one), all or nothing. The exclusion constraint may refuse the insert
 * (23P01), which the caller reports as SLOT_TAKEN.
 */
export async function insertBooking(
  client: SqlClient,
  b: NewBooking,
  now: Date,
): Promise<Appointment> {
  const expires = new Date(now.getTime() + IDEMPOTENCY_TTL_MS);
  const result = await client.query<{ appointment: Record<string, unknown> }>({
    name: 'slotline_insert_booking',
    text: INSERT_SQL,
    values: [
      b.providerId,
      b.clientId,
      b.serviceId,
      b.startTime,
      b.endTime,
      b.blockedUntil,
      b.status,
      b.notes,
      b.price,
      b.currency,
      now,
      b.actor,
      b.key.scope,
      b.key.key,
      b.key.requestHash,
      expires,
    ],
  });
  const row = result.rows[0];
  if (!row) throw new StoreError('booking insert returned no row');
  return toAppointment(row.appointment);
}

// Prepared once per connection by name: appointment, BOOKED event and idempotency key together.
const INSERT_SQL = `
  with a as (
    insert into appointments (provider_id, client_id, service_id, start_time, end_time,
      blocked_until, status, notes, price, currency, created_at, updated_at)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)
    returning *
  ), e as (
    insert into appointment_events (appointment_id, type, actor, to_status, payload, created_at)
    select a.id, 'BOOKED', $12, a.status, jsonb_build_object('start_time', a.start_time), $11
    from a
  ), k as (
    insert into idempotency_keys (scope, key, request_hash, response_status, response_body,
      created_at, expires_at)
    select $13, $14, $15, 201, jsonb_build_object('appointment_id', a.id), $11, $16
    from a
    on conflict (scope, key) do update set request_hash = excluded.request_hash,
      response_status = excluded.response_status, response_body = excluded.response_body,
      created_at = excluded.created_at, expires_at = excluded.expires_at
  )
  select row_to_json(a) as appointment from a`;

/** Maps an appointments row as JSON (snake_case, ISO timestamps) to the domain type. */
export function toAppointment(r: Record<string, unknown>): Appointment {
  return {
    id: r.id as string,
    providerId: r.provider_id as string,
    clientId: r.client_id as string,
    serviceId: r.service_id as string,
    startTime: new Date(r.start_time as string),
    endTime: new Date(r.end_time as string),
    blockedUntil: new Date(r.blocked_until as string),
    status: r.status as Appointment['status'],
    notes: r.notes as string | null,
    meetingLink: r.meeting_link as string | null,
    price: r.price as number,
    currency: r.currency as string,
    refundStatus: r.refund_status as Appointment['refundStatus'],
    cancelledAt: r.cancelled_at ? new Date(r.cancelled_at as string) : null,
    cancelledBy: r.cancelled_by as Appointment['cancelledBy'],
    cancellationReason: r.cancellation_reason as string | null,
    externalEventId: r.external_event_id as string | null,
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
  };
}
