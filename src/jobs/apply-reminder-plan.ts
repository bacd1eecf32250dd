// Carries a reminder plan out on a job batch: cancel first, then schedule, both idempotent.
import type { JobBatch } from './job-batch.ts';
import type { ReminderJob, ReminderPlan } from './reminder-plan.ts';

/**
 * Puts the plan on `batch`: its stale jobs cancelled first, then its new ones held with their
 * deterministic ids. Re-running a plan (a relay crash before its cursor moved, a second instance)
 * changes nothing: pg-boss skips an id it holds. A job cancelled earlier and planned again (moved
 * A → B → A) is resumed, because its id can never be sent twice. Throws whatever pg-boss throws;
 * the relay's transaction then rolls back and the events are relayed again.
 */
export async function applyReminderPlan(batch: JobBatch, plan: ReminderPlan): Promise<void> {
  for (const [queue, ids] of byQueue(plan.cancel)) await batch.cancel(queue, ids);
  for (const job of plan.schedule) batch.add(job, { resume: true });
}

function byQueue(jobs: readonly ReminderJob[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const job of jobs) map.set(job.queue, [...(map.get(job.queue) ?? []), job.id]);
  return map;
}
