// Holds a notice until the notices about the same appointment that come before it have gone out.
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';

/** How long a job waits for the ones before it; past that it goes anyway, never stuck. */
const WAIT_MS = 5_000;
const POLL_MS = 50;

/**
 * Resolves once no job of the same queue and group (appointment) with a higher priority (an
 * earlier event) is still waiting, retrying or running, apart from `settled` (this batch's jobs
 * already handled, which pg-boss records only when the batch ends). Workers run in parallel, so
 * two notices of one appointment can start together; this puts "booked" before "cancelled".
 * Gives up after WAIT_MS: a late or stuck predecessor delays, but never blocks, its successors.
 */
export async function awaitEarlierJobs(
  db: Database,
  job: { readonly id: string; readonly name: string },
  settled: readonly string[],
): Promise<void> {
  const until = Date.now() + WAIT_MS;
  while (Date.now() < until) {
    const result = await db.execute<{ waiting: boolean }>(sql`
      select exists (
        select 1 from pgboss.job me
        join pgboss.job other on other.name = me.name and other.group_id = me.group_id
        where me.name = ${job.name} and me.id = ${job.id}::uuid
          and other.priority > me.priority
          and other.state in ('created', 'retry', 'active')
          and other.id <> all(string_to_array(${settled.join(',')}, ',')::uuid[])
      ) as waiting`);
    if (!result.rows[0]?.waiting) return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
