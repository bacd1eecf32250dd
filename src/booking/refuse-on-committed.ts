// A booking the committed state already refuses is answered with one statement, without waiting for the provider's lock.
import type { SqlClient } from '../db/pg-transaction.ts';
import type { NotFound } from '../domain/outcome.ts';
import { decideInContext, type TimeRefused } from './decide-booking.ts';
import { judgeKey } from './idempotency.ts';
import { type ContextQuery, loadBookingContext } from './load-booking-context.ts';

/**
 * Judges the request on committed data without the provider's lock (one statement), and
 * resolves the refusal to answer at once, or null when the request must take the lock and be
 * judged again: the slot looks bookable, or the key is stored (a replay returns its booking,
 * never a refusal). A refusal answered here is one a serial order allows: this request ran
 * before whatever the lock's holder is about to commit. Throws what the driver throws.
 */
export async function refuseOnCommitted(
  client: SqlClient,
  query: ContextQuery & { readonly startTime: Date },
  requestHash: string,
  now: Date,
): Promise<TimeRefused | NotFound | null> {
  const context = await loadBookingContext(client, query);
  if (!context.ok) return context;
  if (judgeKey(context.storedKey, requestHash, now).kind !== 'new') return null;
  const decision = decideInContext(context, query.startTime, now);
  return decision.ok ? null : decision;
}
