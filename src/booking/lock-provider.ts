// The per-provider transaction lock that serialises every change to a provider's calendar.
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
