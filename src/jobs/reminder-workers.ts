// Workers for the delivery queues (reminders and change mails): each job settled on its own outcome.
import type { PgBoss } from 'pg-boss';
import { changeMailPayload, reminderPayload } from './job-payloads.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { QUEUES } from './queues.ts';
import { sendChangeMail } from './send-change-mail.ts';
import { sendChatReminder } from './send-chat-reminder.ts';
import { sendEmailReminder } from './send-email-reminder.ts';
import { settleEach } from './settle-jobs.ts';

/**
 * Registers the chat and email reminder workers and the change-mail worker, polling every
 * `pollingIntervalSeconds` (pg-boss allows >= 0.5). A payload that fails its schema goes
 * straight to the dead-letter queue (a retry cannot fix it); a thrown error fails the job so
 * pg-boss retries it with backoff.
 */
export async function workReminders(
  boss: PgBoss,
  deps: JobsDeps,
  pollingIntervalSeconds: number,
): Promise<void> {
  const options = { pollingIntervalSeconds, perJobResults: true } as const;
  await boss.work<unknown>(QUEUES.reminders, options, (jobs) =>
    settleEach(deps, jobs, reminderPayload, sendChatReminder),
  );
  await boss.work<unknown>(QUEUES.email, options, (jobs) =>
    settleEach(deps, jobs, reminderPayload, sendEmailReminder),
  );
  await boss.work<unknown>(QUEUES.changeMail, options, (jobs) =>
    settleEach(deps, jobs, changeMailPayload, sendChangeMail),
  );
}
