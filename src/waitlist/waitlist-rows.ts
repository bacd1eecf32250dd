// The waitlist statements the offer walk runs on its own locked connection (plain pg).
import type { SqlClient } from '../db/pg-transaction.ts';
import type { WaitlistEntry, WaitlistOffer } from './waitlist-entry.ts';

// Dates go out as text: node-postgres would read a date column as local midnight.
const ENTRY_COLUMNS = `e.id, e.client_id as "clientId", e.provider_id as "providerId",
  e.service_id as "serviceId", e.timezone, e.from_date::text as "fromDate",
  e.to_date::text as "toDate", e.part_of_day as "partOfDay", e.status,
  e.created_at as "createdAt", e.updated_at as "updatedAt"`;

const OFFER_COLUMNS = `id, entry_id as "entryId", client_id as "clientId",
  provider_id as "providerId", service_id as "serviceId", start_time as "startTime",
  blocked_until as "blockedUntil", expires_at as "expiresAt", status,
  appointment_id as "appointmentId", created_at as "createdAt", decided_at as "decidedAt"`;

/**
 * Ends what `now` has ended for the provider: OPEN offers at or past their expiry become
 * EXPIRED; WAITING entries whose last date is past in their own zone become EXPIRED, and an OPEN
 * offer of theirs is WITHDRAWN. Returns the offers it expired.
 */
export async function expireLapsed(
  client: SqlClient,
  providerId: string,
  now: Date,
): Promise<WaitlistOffer[]> {
  const expired = await client.query<WaitlistOffer>(
    `update waitlist_offers set status = 'EXPIRED', decided_at = $2
      where provider_id = $1 and status = 'OPEN' and expires_at <= $2
      returning ${OFFER_COLUMNS}`,
    [providerId, now],
  );
  await client.query(
    `with ended as (
       update waitlist_entries set status = 'EXPIRED', updated_at = $2
        where provider_id = $1 and status = 'WAITING'
          and to_date < ($2::timestamptz at time zone timezone)::date
        returning id)
     update waitlist_offers set status = 'WITHDRAWN', decided_at = $2
      where status = 'OPEN' and entry_id in (select id from ended)`,
    [providerId, now],
  );
  return expired.rows;
}

/** The provider's WAITING entries with no OPEN offer, in line order (created_at, id). */
export async function entriesInLine(
  client: SqlClient,
  providerId: string,
): Promise<WaitlistEntry[]> {
  const { rows } = await client.query<WaitlistEntry>(
    `select ${ENTRY_COLUMNS} from waitlist_entries e
      where e.provider_id = $1 and e.status = 'WAITING'
        and not exists (select 1 from waitlist_offers o where o.entry_id = e.id and o.status = 'OPEN')
      order by e.created_at, e.id`,
    [providerId],
  );
  return rows;
}

/** [start, blocked_until) of every OPEN offer of the provider, epoch ms. */
export async function openOfferRanges(
  client: SqlClient,
  providerId: string,
): Promise<{ start: number; end: number }[]> {
  const { rows } = await client.query<{ start: Date; end: Date }>(
    `select start_time as start, blocked_until as end from waitlist_offers
      where provider_id = $1 and status = 'OPEN'`,
    [providerId],
  );
  return rows.map((r) => ({ start: r.start.getTime(), end: r.end.getTime() }));
}

/** The starts (epoch ms) the entry has had and let go: PASSED or left to EXPIRE. */
export async function startsLetGo(client: SqlClient, entryId: string): Promise<Set<number>> {
  const { rows } = await client.query<{ start: Date }>(
    `select start_time as start from waitlist_offers
      where entry_id = $1 and status in ('PASSED', 'EXPIRED')`,
    [entryId],
  );
  return new Set(rows.map((r) => r.start.getTime()));
}

/** Stores an OPEN offer of [start, blockedUntil) to the entry's client until `expiresAt`. */
export async function insertOffer(
  client: SqlClient,
  offer: {
    readonly entry: WaitlistEntry;
    readonly startTime: Date;
    readonly blockedUntil: Date;
    readonly expiresAt: Date;
  },
  now: Date,
): Promise<WaitlistOffer> {
  const { entry } = offer;
  const { rows } = await client.query<WaitlistOffer>(
    `insert into waitlist_offers
       (entry_id, client_id, provider_id, service_id, start_time, blocked_until, expires_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     returning ${OFFER_COLUMNS}`,
    [
      entry.id,
      entry.clientId,
      entry.providerId,
      entry.serviceId,
      offer.startTime,
      offer.blockedUntil,
      offer.expiresAt,
      now,
    ],
  );
  const [row] = rows;
  if (!row) throw new Error('the offer insert returned no row');
  return row;
}
