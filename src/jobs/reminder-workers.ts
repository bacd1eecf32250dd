// Workers for the reminder queues: each job is settled on its own outcome.
import type { Job, JobResult, PgBoss } from 'pg-boss';
import { type ReminderPayload, reminderPayload } from './job-payloads.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { QUEUES } from './queues.ts';
import { sendChatReminder } from './send-chat-reminder.ts';
import { sendEmailReminder } from './send-email-reminder.ts';

type Deliver = (deps: JobsDeps, jobId: string, payload: ReminderPayload) => Promise<void>;

/**
 * Registers the chat and email reminder workers, polling every `pollingIntervalSeconds` (pg-boss
 * allows >= 0.5). A payload that fails its schema goes straight to the dead-letter queue (a
 * retry cannot fix it); a thrown error fails the job so pg-boss retries it with backoff.
 */
export async function workReminders(
  boss: PgBoss,
  deps: JobsDeps,
  pollingIntervalSeconds: number,
): Promise<void> {
  const options = { pollingIntervalSeconds, perJobResults: true } as const;
  await boss.work<unknown>(QUEUES.reminders, options, (jobs) =>
    settleEach(deps, jobs, sendChatReminder),
  );
  await boss.work<unknown>(QUEUES.email, options, (jobs) =>
    settleEach(deps, jobs, sendEmailReminder),
  );
}

async function settleEach(
  deps: JobsDeps,
  jobs: readonly Job<unknown>[],
  deliver: Deliver,
): Promise<JobResult[]> {
  const results: JobResult[] = [];
  for (const job of jobs) results.push(await settle(deps, job, deliver));
  return results;
}

async function settle(deps: JobsDeps, job: Job<unknown>, deliver: Deliver): Promise<JobResult> {
  const parsed = reminderPayload.safeParse(job.data);
  if (!parsed.success) {
    deps.logger.error({ queue: job.name, jobId: job.id }, 'reminder job with a malformed payload');
    return { id: job.id, status: 'deadletter', output: { error: 'malformed payload' } };
  }
  try {
    await deliver(deps, job.id, parsed.data);
    return { id: job.id, status: 'completed' };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    deps.logger.warn(
      { queue: job.name, jobId: job.id, retryCount: job.retryCount, error: reason },
      'reminder delivery failed; pg-boss will retry',
    );
    return { id: job.id, status: 'failed', output: { error: reason } };
  }
}
