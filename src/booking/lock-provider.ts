// The transaction locks that serialise every change to a provider's calendar.
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import type { SqlClient } from '../db/pg-transaction.ts';

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
  client: SqlClient,
  keyLock: string,
  providerId: string,
): Promise<void> {
  await client.query({
    name: 'slotline_lock_key_and_provider',
    text: `select pg_advisory_xact_lock(hashtextextended($1, 0)),
      pg_advisory_xact_lock(hashtextextended('provider:' || $2, 0))`,
    values: [keyLock, providerId],
  });
}

/** lockProvider for a plain pg transaction (the booking hot path); the same lock key. */
export async function lockProviderOn(client: SqlClient, providerId: string): Promise<void> {
  await client.query({
    name: 'slotline_lock_provider',
    text: `select pg_advisory_xact_lock(hashtextextended('provider:' || $1, 0))`,
    values: [providerId],
  });
}
