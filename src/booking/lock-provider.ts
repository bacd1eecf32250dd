// The transaction locks that serialise every change to a provider's calendar.
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';

/**
 * Blocks until no other transaction holds this provider's lock; released at commit or rollback.
 * Bookings of different providers never wait for each other.
 */
export async function lockProvider(tx: Tx, providerId: string): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`provider:${providerId}`}, 0))`,
  );
}

/**
 * Takes the idempotency key's lock, then the provider's, in one round trip and always in that
 * order (so two bookings never wait for each other in a cycle). Requests carrying the same key
 * then run one after the other even when they name different providers.
 */
export async function lockKeyAndProvider(
  tx: Tx,
  keyLock: string,
  providerId: string,
): Promise<void> {
  await tx.execute(sql`select
    pg_advisory_xact_lock(hashtextextended(${keyLock}, 0)),
    pg_advisory_xact_lock(hashtextextended(${`provider:${providerId}`}, 0))`);
}
