// Workers for the delivery queues (reminders, change notices and mails): each job settled alone.
import type { Job, JobResult, PgBoss } from 'pg-boss';
import type { z } from 'zod';
import {
  changeMailPayload,
  changeNoticePayload,
  providerMailPayload,
  reminderPayload,
} from './job-payloads.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { QUEUES } from './queues.ts';
import { sendChangeMail } from './send-change-mail.ts';
import { sendChangeNotice } from './send-change-notice.ts';
import { sendChatReminder } from './send-chat-reminder.ts';
import { sendEmailReminder } from './send-email-reminder.ts';
import { sendProviderMail } from './send-provider-mail.ts';
import { settleEach, settleInOrder } from './settle-jobs.ts';
import { workOptions } from './work-options.ts';

/**
 * Registers the reminder, change-notice and change-mail workers with their batch size, worker
 * count and polling (work-options.ts). Reminder jobs of a batch are sent side by side (they are
 * independent: one per appointment, channel and party); the others in order. A payload that fails its schema goes straight to the
 * dead-letter queue (a retry cannot fix it); a thrown error fails that job alone so pg-boss
 * retries it with backoff, while the rest of its batch completes.
 */
export async function workReminders(
  boss: PgBoss,
  deps: JobsDeps,
  pollingIntervalSeconds: number,
): Promise<void> {
  const options = (queue: string) => workOptions(queue, pollingIntervalSeconds);
  await boss.work<unknown>(QUEUES.reminders, options(QUEUES.reminders), (jobs) =>
    settleSideBySide(deps, jobs, reminderPayload, sendChatReminder),
  );
  await boss.work<unknown>(QUEUES.email, options(QUEUES.email), (jobs) =>
    settleSideBySide(deps, jobs, reminderPayload, sendEmailReminder),
  );
  await boss.work<unknown>(QUEUES.changeMail, options(QUEUES.changeMail), (jobs) =>
    settleInOrder(deps, jobs, changeMailPayload, sendChangeMail),
  );
  await boss.work<unknown>(QUEUES.providerMail, options(QUEUES.providerMail), (jobs) =>
    settleInOrder(deps, jobs, providerMailPayload, sendProviderMail),
  );
  await boss.work<unknown>(QUEUES.changeNotice, options(QUEUES.changeNotice), (jobs) =>
    settleInOrder(deps, jobs, changeNoticePayload, sendChangeNotice),
  );
}

/**
 * settleEach with the batch's jobs all at once, each settled alone: one slow mail server or chat
 * slot does not hold the others behind it, and each job still gets its own outcome. Safe for
 * reminders only, whose jobs never depend on each other's order.
 */
function settleSideBySide<T>(
  deps: JobsDeps,
  jobs: readonly Job<unknown>[],
  schema: z.ZodType<T>,
  deliver: (deps: JobsDeps, jobId: string, payload: T) => Promise<void>,
): Promise<JobResult[]> {
  return Promise.all(jobs.map((job) => settleEach(deps, [job], schema, deliver))).then((all) =>
    all.flat(),
  );
}
