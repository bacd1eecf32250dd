// A waitlist entry as stored, and the one statement that reads a client's waiting ones.
import type { waitlistEntries, waitlistOffers } from '../db/schema/waitlist.ts';

/** One client waiting for a time with one provider and service. */
export type WaitlistEntry = typeof waitlistEntries.$inferSelect;

/** One slot offered to the entry's client, reserved until expiresAt while OPEN. */
export type WaitlistOffer = typeof waitlistOffers.$inferSelect;

/** The longest span of an entry: to_date at most this many days after from_date (the CHECK's). */
export const MAX_SPAN_DAYS = 62;

/** No such entry or offer for this client: unknown, someone else's, or already over. */
export type WaitlistNotFound = {
  readonly ok: false;
  readonly code: 'NOT_FOUND';
  readonly entity: 'waitlist';
};

export const waitlistNotFound: WaitlistNotFound = {
  ok: false,
  code: 'NOT_FOUND',
  entity: 'waitlist',
};

/** The offer is not (or no longer) the client's to take: passed, withdrawn, taken, unknown. */
export type OfferEnded = { readonly ok: false; readonly code: 'OFFER_ENDED' };

export const offerEnded: OfferEnded = { ok: false, code: 'OFFER_ENDED' };
