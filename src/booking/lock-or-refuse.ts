// Takes a booking's locks, or, when another booking holds the provider's, answers a refusal the committed state already shows.
import type { SqlClient } from '../db/pg-transaction.ts';
import type { NotFound } from '../domain/outcome.ts';
import { decideInContext, type TimeRefused } from './decide-booking.ts';
import { judgeKey } from './idempotency.ts';
import { type ContextQuery, loadBookingContext } from './load-booking-context.ts';
import { lockKeyAndProvider, lockProviderOn, tryLockKeyAndProvider } from './lock-provider.ts';

type BookingQuery = ContextQuery & {
  readonly startTime: Date;
  readonly idempotency: { readonly scope: string; readonly key: string };
};

/**
 * Leaves the transaction holding the key's lock and then the provider's (lockKeyAndProvider's
 * order) and resolves null, or resolves the refusal to answer at once. A request that finds the
 * provider's lock taken is judged on committed data first: a losing request of a contended slot
 * learns SLOT_TAKEN without queueing. One that looks bookable, or whose key is stored (a replay
 * must return its booking, never a refusal), waits for the lock and the caller judges it again.
 * A refusal answered early is one a serial order allows: this request ran before whatever the
 * lock's holder is about to commit. Throws what the driver throws.
 */
export async function lockOrRefuse(
  client: SqlClient,
  query: BookingQuery,
  requestHash: string,
  now: Date,
): Promise<TimeRefused | NotFound | null> {
  const keyLock = `idem:${query.idempotency.scope}:${query.idempotency.key}`;
  const tried = await tryLockKeyAndProvider(client, keyLock, query.providerId);
  if (tried === 'both') return null;
  if (tried === 'none') {
    await lockKeyAndProvider(client, keyLock, query.providerId);
    return null;
  }
  const refused = await refuseOnCommitted(client, query, requestHash, now);
  if (refused) return refused;
  await lockProviderOn(client, query.providerId);
  return null;
}

async function refuseOnCommitted(
  client: SqlClient,
  query: BookingQuery,
  requestHash: string,
  now: Date,
): Promise<TimeRefused | NotFound | null> {
  const context = await loadBookingContext(client, query);
  if (!context.ok) return context;
  if (judgeKey(context.storedKey, requestHash, now).kind !== 'new') return null;
  const decision = decideInContext(context, query.startTime, now);
  return decision.ok ? null : decision;
}
