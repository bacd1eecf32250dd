// Where the event log is complete: ids commit out of order, so a gap may still be filled.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';

/** Beyond this, waiting for writers would stall bookings; the relay tries again next round. */
const LOCK_WAIT = '200ms';

/**
 * The highest appointment_events id below which no gap can still be filled, or null when that
 * cannot be known quickly. A SHARE lock waits for every transaction that is inserting events to
 * end (each holds ROW EXCLUSIVE from before it draws its id until it commits or rolls back), so
 * once granted every id drawn so far is final: committed and visible, or rolled back for good.
 * The lock is released at once; lock_timeout keeps a long writer from blocking new bookings.
 */
export async function settledBound(db: Database): Promise<number | null> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local lock_timeout = '${LOCK_WAIT}'`));
      await tx.execute(sql`lock table appointment_events in share mode`);
      const result = await tx.execute<{ max: string | null }>(
        sql`select max(id)::text as max from appointment_events`,
      );
      return Number(result.rows[0]?.max ?? 0);
    });
  } catch (error) {
    if (isLockTimeout(error)) return null;
    throw error;
  }
}

function isLockTimeout(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if ((e as { code?: unknown }).code === '55P03') return true;
  }
  return false;
}
