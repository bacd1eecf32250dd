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

/** lockProvider for a plain pg transaction (the booking hot path); the same lock key. */
export async function lockProviderOn(client: SqlClient, providerId: string): Promise<void> {
  await client.query({
    name: 'slotline_lock_provider',
    text: `select pg_advisory_xact_lock(hashtextextended('provider:' || $1, 0))`,
    values: [providerId],
  });
}
