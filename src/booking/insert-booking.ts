// Writes a new booking in one statement: the appointment, its BOOKED event and its idempotency key.
import type { SqlClient } from '../db/pg-transaction.ts';
import type { Appointment } from '../domain/appointment.ts';
import { appointmentJson } from './appointment-row-json.ts';
import { IDEMPOTENCY_TTL_MS } from './idempotency.ts';
import { StoreError } from './store-errors.ts';

/** The new appointment's own fields (the rest are the table's defaults), who books, and the key. */
export type NewBooking = Pick<
  Appointment,
  | 'providerId'
  | 'clientId'
  | 'serviceId'
  | 'startTime'
  | 'endTime'
  | 'blockedUntil'
  | 'status'
  | 'notes'
  | 'price'
  | 'currency'
  | 'amountDue'
  | 'holdExpiresAt'
> & {
  readonly actor: string;
  /** The series this booking is an occurrence of; absent or null for a single booking. */
  readonly seriesId?: string | null;
  /** The request's idempotency key; null when the caller keeps its own (a series does). */
  readonly key: {
    readonly scope: string;
    readonly key: string;
    readonly requestHash: string;
  } | null;
};

/**
 * Inserts the appointment, appends BOOKED to appointment_events and records the idempotency key
 * when there is one (replacing an expired one), all or nothing. The exclusion constraint may refuse the insert
 * (23P01), which the caller reports as SLOT_TAKEN.
 */
export async function insertBooking(
  client: SqlClient,
  b: NewBooking,
  now: Date,
): Promise<Appointment> {
  const expires = new Date(now.getTime() + IDEMPOTENCY_TTL_MS);
  const result = await client.query<{ appointment: unknown }>({
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
      b.key?.scope ?? null,
      b.key?.key ?? null,
      b.key?.requestHash ?? null,
      expires,
      b.amountDue,
      b.holdExpiresAt,
      b.seriesId ?? null,
    ],
  });
  const row = result.rows[0];
  if (!row) throw new StoreError('booking insert returned no row');
  return appointmentJson.parse(row.appointment);
}

// Prepared once per connection by name: appointment, BOOKED event and idempotency key together.
const INSERT_SQL = `
  with a as (
    insert into appointments (provider_id, client_id, service_id, start_time, end_time,
      blocked_until, status, notes, price, currency, amount_due, hold_expires_at, series_id,
      created_at, updated_at)
    values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $17, $18, $19, $11, $11)
    returning *
  ), e as (
    insert into appointment_events (appointment_id, type, actor, to_status, payload, created_at)
    select a.id, 'BOOKED', $12, a.status,
      jsonb_build_object('start_time', a.start_time, 'hold_expires_at', a.hold_expires_at), $11
    from a
  ), k as (
    insert into idempotency_keys (scope, key, request_hash, response_status, response_body,
      created_at, expires_at)
    select $13, $14, $15, 201, jsonb_build_object('appointment_id', a.id), $11, $16
    from a where $13::text is not null
    on conflict (scope, key) do update set request_hash = excluded.request_hash,
      response_status = excluded.response_status, response_body = excluded.response_body,
      created_at = excluded.created_at, expires_at = excluded.expires_at
  )
  select row_to_json(a) as appointment from a`;
