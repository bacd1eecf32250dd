// What an offer's DM and mail say: the offer with its provider, service and client.
import type { Database } from '../db/database.ts';
import { isUuid } from '../domain/is-uuid.ts';

/** One offer as its client is told of it; times are instants, the zone the client's. */
export type OfferView = {
  readonly offerId: string;
  readonly clientId: string;
  readonly status: 'OPEN' | 'ACCEPTED' | 'PASSED' | 'EXPIRED' | 'WITHDRAWN';
  readonly startTime: Date;
  readonly expiresAt: Date;
  readonly providerName: string;
  readonly serviceName: string;
  readonly durationMinutes: number;
  /** The client's zone now (the entry's if the client row has none). */
  readonly clientTimezone: string;
  readonly clientName: string;
  readonly clientEmail: string | null;
  /** The language stored for the client (clients.language); null: none, the default's. */
  readonly clientLanguage: string | null;
};

/** The offer's view, or null when there is no such offer (also for a malformed id). */
export async function readOfferView(db: Database, offerId: string): Promise<OfferView | null> {
  if (!isUuid(offerId)) return null;
  const { rows } = await db.$client.query<OfferView>(
    `select o.id as "offerId", o.client_id as "clientId", o.status, o.start_time as "startTime",
        o.expires_at as "expiresAt", p.name as "providerName", s.name as "serviceName",
        s.duration_minutes as "durationMinutes", coalesce(c.timezone, e.timezone) as "clientTimezone",
        c.name as "clientName", c.email as "clientEmail",
        c.language as "clientLanguage"
      from waitlist_offers o
      join waitlist_entries e on e.id = o.entry_id
      join providers p on p.id = o.provider_id
      join services s on s.id = o.service_id
      join clients c on c.id = o.client_id
      where o.id = $1`,
    [offerId],
  );
  return rows[0] ?? null;
}
