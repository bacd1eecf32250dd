// A client stops waiting: the entry is removed and its open offer, if any, withdrawn.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { waitlistEntries, waitlistOffers } from '../db/schema/waitlist.ts';
import { isUuid } from '../domain/is-uuid.ts';
import { type Ok, ok } from '../domain/outcome.ts';
import { type WaitlistNotFound, waitlistNotFound } from './waitlist-entry.ts';

/**
 * Marks the client's WAITING entry REMOVED and its OPEN offer WITHDRAWN in one transaction, so
 * the offered slot is free for everyone at once (the caller nudges the offer job so the next in
 * line hears of it). NOT_FOUND for an unknown entry, another client's, or one no longer waiting
 * (a second leave). Returns the provider, whose line changed.
 */
export async function leaveWaitlist(
  db: Database,
  request: { readonly clientId: string; readonly entryId: string },
  now: Date,
): Promise<Ok<{ readonly providerId: string }> | WaitlistNotFound> {
  if (!isUuid(request.clientId) || !isUuid(request.entryId)) return waitlistNotFound;
  return db.transaction(async (tx) => {
    const [entry] = await tx
      .update(waitlistEntries)
      .set({ status: 'REMOVED', updatedAt: now })
      .where(
        and(
          eq(waitlistEntries.id, request.entryId),
          eq(waitlistEntries.clientId, request.clientId),
          eq(waitlistEntries.status, 'WAITING'),
        ),
      )
      .returning({ providerId: waitlistEntries.providerId });
    if (!entry) return waitlistNotFound;
    await tx
      .update(waitlistOffers)
      .set({ status: 'WITHDRAWN', decidedAt: now })
      .where(and(eq(waitlistOffers.entryId, request.entryId), eq(waitlistOffers.status, 'OPEN')));
    return ok({ providerId: entry.providerId });
  });
}
