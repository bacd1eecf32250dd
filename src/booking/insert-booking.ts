// Writes a new booking in one statement: the appointment, its BOOKED event and its idempotency key.
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
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
export async function insertBooking(tx: Tx, b: NewBooking, now: Date): Promise<Appointment> {
  const expires = new Date(now.getTime() + IDEMPOTENCY_TTL_MS);
  const result = await tx.execute<{ appointment: Record<string, unknown> }>(sql`
    with a as (
      insert into appointments (provider_id, client_id, service_id, start_time, end_time,
        blocked_until, status, notes, price, currency, created_at, updated_at)
      values (${b.providerId}, ${b.clientId}, ${b.serviceId}, ${b.startTime.toISOString()},
        ${b.endTime.toISOString()}, ${b.blockedUntil.toISOString()}, ${b.status}, ${b.notes},
        ${b.price}, ${b.currency}, ${now.toISOString()}, ${now.toISOString()})
      returning *
    ), e as (
      insert into appointment_events (appointment_id, type, actor, to_status, payload, created_at)
      select a.id, 'BOOKED', ${b.actor}, a.status,
        jsonb_build_object('start_time', ${b.startTime.toISOString()}::text), ${now.toISOString()}
      from a
    ), k as (
      insert into idempotency_keys (scope, key, request_hash, response_status, response_body,
        created_at, expires_at)
      select ${b.key.scope}, ${b.key.key}, ${b.key.requestHash}, 201,
        jsonb_build_object('appointment_id', a.id), ${now.toISOString()}, ${expires.toISOString()}
      from a
      on conflict (scope, key) do update set request_hash = excluded.request_hash,
        response_status = excluded.response_status, response_body = excluded.response_body,
        created_at = excluded.created_at, expires_at = excluded.expires_at
    )
    select row_to_json(a) as appointment from a`);
  const row = result.rows[0];
  if (!row) throw new StoreError('booking insert returned no row');
  return toAppointment(row.appointment);
}

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
