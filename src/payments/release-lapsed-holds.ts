// The safety net for hold releases whose job was lost: frees holds well past their end.
import { sql } from 'drizzle-orm';
import { type HoldReleaseDeps, releaseHold } from './release-hold.ts';

/** A hold's own job runs at its end; the sweep leaves it this long to do so first. */
const GRACE_MS = 60_000;
/** Holds per sweep; the next sweep takes the rest. */
const SWEEP_LIMIT = 100;

/**
 * Releases (releaseHold) up to 100 AWAITING_PAYMENT holds whose hold_expires_at is more than a
 * minute before `now`, oldest first, one at a time: each closes its checkouts at the processor
 * outside any transaction. A hold whose checkout turns out paid is confirmed instead. Returns how
 * many were released. Throws on database faults.
 */
export async function releaseLapsedHolds(deps: HoldReleaseDeps, now: Date): Promise<number> {
  const before = new Date(now.getTime() - GRACE_MS).toISOString();
  const { rows } = await deps.db.execute<{ id: string }>(sql`
    select id from appointments
    where status = 'AWAITING_PAYMENT' and hold_expires_at < ${before}::timestamptz
    order by hold_expires_at limit ${SWEEP_LIMIT}`);
  let released = 0;
  for (const { id } of rows) {
    if ((await releaseHold(deps, id, now)) === 'released') released += 1;
  }
  return released;
}
