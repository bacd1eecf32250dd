// A client says no thanks to an offered time: it goes to the next in line, never back to them.
import type { Database } from '../db/database.ts';
import { isUuid } from '../domain/is-uuid.ts';
import { type Ok, ok } from '../domain/outcome.ts';
import { type OfferEnded, offerEnded } from './waitlist-entry.ts';

/**
 * Marks the client's OPEN offer PASSED; its entry stays WAITING (other times may still come, never
 * this one). OFFER_ENDED when the offer is unknown, another client's, or no longer OPEN. Returns
 * the provider, so the caller can have offerFreedSlots run for the next in line at once.
 */
export async function passOffer(
  db: Database,
  request: { readonly offerId: string; readonly clientId: string },
  now: Date,
): Promise<Ok<{ readonly providerId: string }> | OfferEnded> {
  if (!isUuid(request.offerId) || !isUuid(request.clientId)) return offerEnded;
  const { rows } = await db.$client.query<{ providerId: string }>(
    `update waitlist_offers set status = 'PASSED', decided_at = $3
      where id = $1 and client_id = $2 and status = 'OPEN'
      returning provider_id as "providerId"`,
    [request.offerId, request.clientId, now],
  );
  const [row] = rows;
  return row ? ok({ providerId: row.providerId }) : offerEnded;
}
