// Ends the waiting of people who booked what they waited for some other way (/book, REST).
import type { SqlClient } from '../db/pg-transaction.ts';

/**
 * Marks BOOKED each of the provider's WAITING entries whose client has, since joining, made an
 * active booking of the same service on one of the entry's dates (in the entry's zone), and
 * withdraws its OPEN offer: someone who booked on /book while waiting is not offered more times
 * for those days. Run under the provider lock, on its connection.
 */
export async function closeBookedEntries(
  client: SqlClient,
  providerId: string,
  now: Date,
): Promise<void> {
  await client.query(
    `with booked as (
       update waitlist_entries e set status = 'BOOKED', updated_at = $2
        where e.provider_id = $1 and e.status = 'WAITING'
          and exists (
            select 1 from appointments a
             where a.provider_id = e.provider_id and a.client_id = e.client_id
               and a.service_id = e.service_id and a.created_at >= e.created_at
               and a.status in ('AWAITING_PAYMENT', 'PENDING', 'CONFIRMED')
               and (a.start_time at time zone e.timezone)::date between e.from_date and e.to_date)
        returning e.id)
     update waitlist_offers set status = 'WITHDRAWN', decided_at = $2
      where status = 'OPEN' and entry_id in (select id from booked)`,
    [providerId, now],
  );
}
