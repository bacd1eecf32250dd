// A booking the committed state already refuses is answered with one statement, before it takes any lock.
import type { SqlClient } from '../db/pg-transaction.ts';
import type { NotFound } from '../domain/outcome.ts';
import { decideInContext, type TimeRefused } from './decide-booking.ts';
import { judgeKey } from './idempotency.ts';
import { type ContextQuery, loadBookingContext } from './load-booking-context.ts';

/**
 * Judges the request on committed data, outside any transaction (one statement on `pool`), and
 * resolves the refusal to answer at once, or null when the request must take the locks and be
 * judged again: the slot looks bookable, or the key is stored (a replay returns its booking,
 * never a refusal). So the losers of a contended slot learn SLOT_TAKEN without queueing behind
 * the provider's lock or holding a connection while they wait. A refusal answered here is one a
 * serial order allows: this request ran before whatever commits next. Throws what the driver
 * throws.
 */
export async function refuseOnCommitted(
  pool: SqlClient,
  query: ContextQuery & { readonly startTime: Date },
  requestHash: string,
  now: Date,
): Promise<TimeRefused | NotFound | null> {
  const context = await loadBookingContext(pool, query);
  if (!context.ok) return context;
  if (judgeKey(context.storedKey, requestHash, now).kind !== 'new') return null;
  const decision = decideInContext(context, query.startTime, now);
  return decision.ok ? null : decision;
}
