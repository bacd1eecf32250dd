// One round trip that loads everything the slot rules need for a provider, service and range.
import type { FollowingRead, SqlClient } from '../db/pg-transaction.ts';
import { type LiteralValue, sqlLiteral } from '../db/sql-literal.ts';
import type { Client, Provider, Service } from '../domain/catalog.ts';
import { isUuid } from '../domain/is-uuid.ts';
import { type NotFound, notFound } from '../domain/outcome.ts';
import type { BusyTimes, SlotRules } from '../slots/slot-types.ts';
import { bookingContextRow, type StoredKey } from './booking-context-row.ts';

export type BookingContext = {
  readonly ok: true;
  readonly provider: Provider;
  readonly service: Service;
  /** Present when a clientId was asked for and exists. */
  readonly client: Client | null;
  readonly rules: SlotRules;
  readonly busy: BusyTimes;
  /** The stored idempotency record, when one was asked for and exists. */
  readonly storedKey: StoredKey | null;
  /**
   * Epoch ms starts of the provider's active appointments of this service, from 8 days before
   * the range to 8 days after it (whole local weeks around it), the excluded one left out.
   * Empty when the service has neither a day nor a week limit (nothing to count).
   */
  readonly serviceStarts: readonly number[];
  /**
   * The client's active bookings with the provider (any service) starting after `now`, the
   * excluded one left out; 0 without a client or when the provider sets no per-client limit.
   */
  readonly clientActiveCount: number;
};

export type ContextQuery = {
  readonly providerId: string;
  readonly serviceId: string;
  readonly clientId: string | null;
  /** Local dates (inclusive) whose overrides are needed; a day either side is harmless. */
  readonly fromDate: string;
  readonly toDate: string;
  /** Instants whose active appointments are needed. */
  readonly rangeStart: Date;
  readonly rangeEnd: Date;
  /** An appointment that must not count as busy (the one being rescheduled). */
  readonly excludeAppointmentId: string | null;
  /** An idempotency key to read in the same statement. */
  readonly idempotency: { readonly scope: string; readonly key: string } | null;
  /** The decision's moment: which bookings are still upcoming and which waitlist offers open. */
  readonly now: Date;
};

/**
 * Loads provider, service (which must belong to the provider), optional client, weekly windows,
 * overrides, active appointments, the counts the booking limits need, and an optional
 * idempotency record in one statement. Open waitlist offers (unexpired at `now`) of other clients
 * count as busy: an offered time is held for its client alone. NOT_FOUND
 * when the provider does not exist or the service is not its; the caller decides about inactive
 * ones. Malformed ids count as unknown. Under the provider lock the result holds until commit.
 */
export async function loadBookingContext(
  q: SqlClient,
  query: ContextQuery,
): Promise<BookingContext | NotFound> {
  if (!isUuid(query.providerId)) return notFound('provider');
  if (!isUuid(query.serviceId)) return notFound('service');
  const result = await q.query({
    name: 'slotline_booking_context',
    text: CONTEXT_SQL,
    values: contextValues(query),
  });
  return bookingContextFrom(result.rows);
}

/**
 * The booking context `rows` describe: the rows of CONTEXT_SQL, run through loadBookingContext
 * or bookingContextRead. NOT_FOUND as loadBookingContext says.
 */
export function bookingContextFrom(rows: readonly unknown[]): BookingContext | NotFound {
  if (rows.length === 0) return notFound('provider');
  const row = bookingContextRow.parse(rows[0]);
  if (!row.service) return notFound('service');
  const { provider, service } = row;
  return {
    ok: true,
    provider,
    service,
    client: row.client,
    rules: {
      timezone: provider.timezone,
      weekly: row.weekly,
      overrides: row.overrides,
      durationMinutes: service.durationMinutes,
      bufferMinutes: service.bufferTimeMinutes,
      slotIntervalMinutes: service.slotIntervalMinutes,
      minNoticeMinutes: service.minNoticeMinutes,
      maxAdvanceDays: service.maxAdvanceDays,
    },
    // External calendars' busy time is stored as blocked overrides (source GOOGLE, OUTLOOK, APPLE).
    busy: { appointments: row.busy },
    storedKey: row.stored_key,
    serviceStarts: row.service_starts,
    clientActiveCount: row.client_active,
  };
}

/**
 * The context query as a statement for a simple-protocol batch (after locks, in the same round
 * trip): EXECUTE of a statement prepared once per connection, with the values as escaped
 * literals, so the plan stays cached. The caller has checked the ids are UUIDs (a malformed one
 * would make the batch fail); turn the rows into a context with bookingContextFrom.
 */
export function bookingContextRead(query: ContextQuery): FollowingRead {
  return async (client) => {
    if (!prepared.has(client)) {
      await client.query(`prepare ${PREPARED} (${PARAMETER_TYPES}) as ${CONTEXT_SQL}`);
      prepared.add(client);
    }
    const values = contextValues(query).map((v) => sqlLiteral(client, v));
    return `execute ${PREPARED} (${values.join(', ')})`;
  };
}

function contextValues(query: ContextQuery): LiteralValue[] {
  const clientId = query.clientId !== null && isUuid(query.clientId) ? query.clientId : null;
  const idem = query.idempotency;
  return [
    query.providerId,
    query.serviceId,
    clientId,
    query.fromDate,
    query.toDate,
    query.rangeStart,
    query.rangeEnd,
    query.excludeAppointmentId,
    idem?.scope ?? null,
    idem?.key ?? null,
    query.now,
  ];
}

// A connection's server-side prepared statements live as long as it does; the set is weak, so a
// closed connection's entry goes with it. The name differs from the protocol-level one above,
// which node-postgres manages itself in the same namespace.
const prepared = new WeakSet<object>();
const PREPARED = 'slotline_booking_context_batch';
const PARAMETER_TYPES =
  'uuid, uuid, uuid, date, date, timestamptz, timestamptz, uuid, text, text, timestamptz';

// Prepared once per connection by name. Active appointments are found through the exclusion
// constraint's GiST index (same range expression, same status predicate); open waitlist offers
// through theirs. The limit counts run only when the service or provider sets a limit. Their times go out as
// whole epoch milliseconds (the app writes no finer): integers cost less to print than float8.
const CONTEXT_SQL = `
  select
    row_to_json(p) as provider,
    row_to_json(s) as service,
    (select row_to_json(c) from clients c where c.id = $3::uuid) as client,
    (select coalesce(json_agg(json_build_object(
        'day_of_week', a.day_of_week, 'start_time', a.start_time, 'end_time', a.end_time)), '[]')
      from availability a where a.provider_id = p.id and a.is_active) as weekly,
    (select coalesce(json_agg(json_build_object('date', o.date, 'start_time', o.start_time,
        'end_time', o.end_time, 'is_blocked', o.is_blocked)), '[]')
      from availability_overrides o
      where o.provider_id = p.id and o.date between $4::date and $5::date) as overrides,
    (select coalesce(json_agg(json_build_array(
        (extract(epoch from ap.start_time) * 1000)::bigint,
        (extract(epoch from ap.blocked_until) * 1000)::bigint)), '[]')
      from appointments ap
      where ap.provider_id = p.id and ap.status in ('AWAITING_PAYMENT', 'PENDING', 'CONFIRMED')
        and tstzrange(ap.start_time, ap.blocked_until, '[)') && tstzrange($6::timestamptz, $7::timestamptz)
        and ap.id is distinct from $8::uuid) as busy,
    (select coalesce(json_agg(json_build_array(
        (extract(epoch from w.start_time) * 1000)::bigint,
        (extract(epoch from w.blocked_until) * 1000)::bigint)), '[]')
      from waitlist_offers w
      where w.provider_id = p.id and w.status = 'OPEN' and w.expires_at > $11::timestamptz
        and w.client_id is distinct from $3::uuid
        and tstzrange(w.start_time, w.blocked_until, '[)') && tstzrange($6::timestamptz, $7::timestamptz)) as offers,
    (select coalesce(json_agg((extract(epoch from ap.start_time) * 1000)::bigint), '[]')
      from appointments ap
      where (s.max_bookings_per_day is not null or s.max_bookings_per_week is not null)
        and ap.provider_id = p.id and ap.service_id = s.id
        and ap.status in ('AWAITING_PAYMENT', 'PENDING', 'CONFIRMED')
        and ap.start_time >= $6::timestamptz - interval '8 days'
        and ap.start_time < $7::timestamptz + interval '8 days'
        and ap.id is distinct from $8::uuid) as service_starts,
    (select count(*)::int from appointments ap
      where p.max_active_bookings_per_client is not null
        and ap.client_id = $3::uuid and ap.provider_id = p.id
        and ap.status in ('AWAITING_PAYMENT', 'PENDING', 'CONFIRMED')
        and ap.start_time > $11::timestamptz
        and ap.id is distinct from $8::uuid) as client_active,
    (select json_build_object('request_hash', k.request_hash,
        'appointment_id', k.response_body->>'appointment_id', 'expires_at', k.expires_at)
      from idempotency_keys k where k.scope = $9::text and k.key = $10::text) as stored_key
  from providers p
  left join services s on s.provider_id = p.id and s.id = $2::uuid
  where p.id = $1::uuid`;
