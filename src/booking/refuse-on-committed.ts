// A booking the committed state already refuses is answered at once, without waiting for the provider's lock.
import type { NotFound } from '../domain/outcome.ts';
import { decideInContext, type TimeRefused } from './decide-booking.ts';
import { judgeKey } from './idempotency.ts';
import type { BookingContext } from './load-booking-context.ts';

/**
 * Judges the request on `context`, read from committed data without the provider's lock, and
 * returns the refusal to answer at once, or null when the request must take the lock and be
 * judged again: the slot looks bookable, or the key is stored (a replay returns its booking,
 * never a refusal). A refusal answered here is one a serial order allows: this request ran
 * before whatever the lock's holder is about to commit.
 */
export function refuseOnCommitted(
  context: BookingContext | NotFound,
  startTime: Date,
  requestHash: string,
  now: Date,
): TimeRefused | NotFound | null {
  if (!context.ok) return context;
  if (judgeKey(context.storedKey, requestHash, now).kind !== 'new') return null;
  const decision = decideInContext(context, startTime, now);
  return decision.ok ? null : decision;
}
