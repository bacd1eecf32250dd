// The safety net for refunds: one whose job gave up (Stripe down for longer than its retries) is tried again.
import { sql } from 'drizzle-orm';
import type { PgBoss } from 'pg-boss';
import type { Database } from '../db/database.ts';
import { deterministicJobId } from './job-ids.ts';
import { QUEUES } from './queues.ts';

/** A refund still due after this long has outlived its own job's retries (about 15 minutes). */
const STALE_AFTER_MS = 30 * 60_000;
const HOUR_MS = 3_600_000;

/**
 * Sends a refund job for every appointment with a refund REFUND_DUE for over 30 minutes, at most
 * one per appointment per hour (the id names the hour), so a long processor outage delays a
 * refund but never drops it; the job's idempotency key keeps a retry from paying twice. Returns
 * how many jobs were sent. Throws the database's or pg-boss's error on a fault.
 */
export async function requeueDueRefunds(boss: PgBoss, db: Database, now: Date): Promise<number> {
  const before = new Date(now.getTime() - STALE_AFTER_MS).toISOString();
  const { rows } = await db.execute<{ appointment_id: string }>(
    sql`select distinct appointment_id from refunds
        where state = 'REFUND_DUE' and created_at < ${before}::timestamptz`,
  );
  const hour = String(Math.floor(now.getTime() / HOUR_MS));
  let sent = 0;
  for (const { appointment_id: appointmentId } of rows) {
    const id = deterministicJobId(['refund-requeue', appointmentId, hour]);
    if (await boss.send(QUEUES.refunds, { appointmentId }, { id })) sent++;
  }
  return sent;
}
