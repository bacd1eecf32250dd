// Workers for the delivery queues (reminders, change notices and mails): each job settled alone.
import type { PgBoss } from 'pg-boss';
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
import { settleEach } from './settle-jobs.ts';

/**
 * Registers the reminder, change-notice and change-mail workers, polling every
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
  await boss.work<unknown>(QUEUES.providerMail, options, (jobs) =>
    settleEach(deps, jobs, providerMailPayload, sendProviderMail),
  );
  await boss.work<unknown>(QUEUES.changeNotice, options, (jobs) =>
    settleEach(deps, jobs, changeNoticePayload, sendChangeNotice),
  );
}
