// After trying a booking's locks: take the ones still missing, or answer a refusal the committed state already shows.
import type pg from 'pg';
import { type LocksHeld, takeLocksThenRead } from '../db/pg-transaction.ts';
import type { NotFound } from '../domain/outcome.ts';
import type { TimeRefused } from './decide-booking.ts';
import {
  type BookingContext,
  bookingContextFrom,
  bookingContextRead,
  type ContextQuery,
} from './load-booking-context.ts';
import { refuseOnCommitted } from './refuse-on-committed.ts';

/** What the transaction's first round trip got: locks held, their names, the context read. */
export type LockTry = {
  readonly held: LocksHeld;
  /** The idempotency key's lock, then the provider's. */
  readonly locks: readonly [key: string, provider: string];
  readonly first: BookingContext | NotFound;
};

export type LockedContext =
  | { readonly refused: TimeRefused | NotFound }
  | { readonly refused: null; readonly context: BookingContext | NotFound };

/**
 * Leaves the transaction holding the key's lock and then the provider's, with the booking
 * context read under both, or returns the refusal to answer at once. `held` says what the tries
 * got, and `first` the context read right after them: both held (it holds as it is), none (a
 * request with the same key is in flight: wait for both, in order, and read again), or the key's
 * only (another booking holds the provider). In that last case the request is judged on `first`,
 * committed data, so a losing request of a contended slot learns SLOT_TAKEN without queueing; one
 * that looks bookable, or whose key is stored (a replay returns its booking), waits for the lock
 * and reads again in the same round trip. Throws what the driver throws.
 */
export async function waitOrRefuse(
  client: pg.PoolClient,
  { held, locks, first }: LockTry,
  query: ContextQuery & { readonly startTime: Date },
  requestHash: string,
  now: Date,
): Promise<LockedContext> {
  if (held === 2) return { refused: null, context: first };
  if (held === 1) {
    const refused = refuseOnCommitted(first, query.startTime, requestHash, now);
    if (refused) return { refused };
  }
  const names = held === 0 ? locks : [locks[1]];
  const rows = await takeLocksThenRead(client, names, bookingContextRead(query));
  return { refused: null, context: bookingContextFrom(rows) };
}
