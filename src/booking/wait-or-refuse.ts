// After trying a booking's locks: take the ones still missing, or answer a refusal the committed state already shows.
import type { LocksHeld, SqlClient } from '../db/pg-transaction.ts';
import type { NotFound } from '../domain/outcome.ts';
import type { TimeRefused } from './decide-booking.ts';
import type { ContextQuery } from './load-booking-context.ts';
import { lockKeyAndProvider, lockProviderOn } from './lock-provider.ts';
import { refuseOnCommitted } from './refuse-on-committed.ts';

type BookingQuery = ContextQuery & {
  readonly startTime: Date;
  readonly idempotency: { readonly scope: string; readonly key: string };
};

/**
 * Leaves the transaction holding the key's lock and then the provider's and resolves null, or
 * resolves the refusal to answer at once. `held` says what the tries got: both (nothing to do),
 * none (a request with the same key is in flight: wait for both, in order), or the key's only
 * (another booking holds the provider). In that last case the request is judged on committed data
 * first, so a losing request of a contended slot learns SLOT_TAKEN without queueing; one that
 * looks bookable, or whose key is stored (a replay returns its booking), waits for the lock and
 * the caller judges it again. Throws what the driver throws.
 */
export async function waitOrRefuse(
  client: SqlClient,
  held: LocksHeld,
  query: BookingQuery,
  requestHash: string,
  now: Date,
): Promise<TimeRefused | NotFound | null> {
  if (held === 2) return null;
  if (held === 0) {
    const keyLock = `idem:${query.idempotency.scope}:${query.idempotency.key}`;
    await lockKeyAndProvider(client, keyLock, query.providerId);
    return null;
  }
  const refused = await refuseOnCommitted(client, query, requestHash, now);
  if (refused) return refused;
  await lockProviderOn(client, query.providerId);
  return null;
}
