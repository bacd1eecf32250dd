// Carries a reminder plan out on pg-boss: cancel first, then schedule, both idempotent.
import type { PgBoss } from 'pg-boss';
import type { ReminderJob, ReminderPlan } from './reminder-plan.ts';

/**
 * Cancels the plan's stale jobs, then sends its new ones with their deterministic ids. Re-running
 * a plan (a relay crash before its cursor moved, a second instance) changes nothing: send answers
 * null for an id it holds. A job cancelled earlier and planned again (moved A → B → A) is resumed,
 * because its id can never be sent twice. Throws whatever pg-boss throws; the relay's transaction
 * then rolls back and the events are relayed again.
 */
export async function applyReminderPlan(boss: PgBoss, plan: ReminderPlan): Promise<void> {
  for (const [queue, ids] of byQueue(plan.cancel)) await boss.cancel(queue, ids);
  for (const job of plan.schedule) {
    const id = await boss.send(job.queue, job.data, { id: job.id, startAfter: job.startAfter });
    // resume touches only a cancelled job; an existing live or finished one is left alone.
    if (id === null) await boss.resume(job.queue, job.id);
  }
}

function byQueue(jobs: readonly ReminderJob[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const job of jobs) map.set(job.queue, [...(map.get(job.queue) ?? []), job.id]);
  return map;
}
