// pg-boss throughput settings in one place: pool size, batch size, workers per queue, polling.
import { QUEUES } from './queues.ts';

/**
 * pg-boss's own pool per instance (its default is 10). Its statements are short (fetch, complete,
 * insert), so 8 serve every worker; the LISTEN connection comes on top. Per instance: requests 20
 * + background 10 + 8 + 1 = 39, so two instances hold 78 of PostgreSQL's default 100.
 */
export const BOSS_POOL_MAX = 8;

/** Polling when NOTIFY did not announce the job (due reminders, retries, no LISTEN). */
export const DEFAULT_POLLING_SECONDS = 1;

/**
 * Jobs per fetch. A full batch makes the worker fetch again at once (burstWhenBatchFull), so a
 * backlog drains without waiting for the poll. A batch's jobs run one after another and pg-boss
 * records them when the batch ends, so two keeps a slow mail server from holding more than one
 * other job behind it.
 */
const BATCH_SIZE = 2;

/**
 * Reminder queues fetch bigger batches and send a batch's jobs side by side (reminder-workers.ts):
 * thousands fall due in one minute (appointments start on the hour). A mail waits for the SMTP
 * server's greeting (~0.1 s locally, seconds at some) and a DM for its Telegram slot, not for the
 * CPU, so in flight per instance are workers x batch: 2 x 25 of each. Measured with the reminder
 * burst bench (5,000 due at once, one instance): 2 x 2 mails sent 17/s, 2 x 50 sent 112/s and
 * 2 x 15 113/s, 2 x 25 153/s; 2 x 25 DMs kept Telegram's slots fuller than 2 x 10 while the mails
 * ran (25 vs 22 a second). A job holds a pooled connection only for its two short reads.
 */
const SIDE_BY_SIDE_BATCH: Readonly<Record<string, number>> = {
  [QUEUES.email]: 25,
  [QUEUES.reminders]: 25,
};

/**
 * Workers per instance and queue; each runs one batch at a time, so these bound the jobs in
 * flight (one per worker, or workers x SIDE_BY_SIDE_BATCH on the reminder queues).
 * The confirmation path (client mail, chat notices, provider mail) gets the most. Together client
 * mail and chat notices (9) stay below the background pool of 10. No job holds a connection, a
 * lock or a transaction while it mails, DMs, or calls a meeting service or calendar.
 */
const WORKERS: Readonly<Record<string, number>> = {
  [QUEUES.changeMail]: 4,
  [QUEUES.changeNotice]: 5,
  // Calendar calls end after OUTBOUND_TIMEOUT_MS; four workers keep one slow calendar from
  // holding every other provider's pushes and syncs behind it.
  [QUEUES.calendarPush]: 4,
  [QUEUES.calendarSync]: 4,
  [QUEUES.providerMail]: 4,
  [QUEUES.email]: 2,
  [QUEUES.reminders]: 2,
};

/**
 * Queues whose jobs about one appointment must arrive in order: across every instance, one job
 * of a group (an appointment) runs at a time, and the highest priority (the earliest event) first.
 */
const IN_ORDER: ReadonlySet<string> = new Set([
  QUEUES.changeNotice,
  QUEUES.changeMail,
  QUEUES.providerMail,
]);

/**
 * Calendar queues fetch one job at a time: a batch's jobs run one after another, so a second job
 * would wait for a slow calendar that is not its own. Syncs are grouped by connection and pushes
 * by provider, so one calendar is worked on once at a time across instances and a slow one holds
 * a single worker while the others keep flowing.
 */
const ONE_AT_A_TIME: ReadonlySet<string> = new Set([QUEUES.calendarPush, QUEUES.calendarSync]);

/**
 * The work() options of a delivery or calendar queue: BATCH_SIZE jobs per fetch (calendar queues:
 * one, reminder queues: SIDE_BY_SIDE_BATCH), its share of workers, woken by NOTIFY when a job
 * is sent and otherwise polling every `pollingIntervalSeconds` (pg-boss allows >= 0.5), and a result per job so one job's failure
 * retries only that job.
 */
export function workOptions(queue: string, pollingIntervalSeconds: number) {
  const grouped = IN_ORDER.has(queue) || ONE_AT_A_TIME.has(queue);
  return {
    ...(grouped ? { groupConcurrency: 1 } : {}),
    batchSize: ONE_AT_A_TIME.has(queue) ? 1 : (SIDE_BY_SIDE_BATCH[queue] ?? BATCH_SIZE),
    burstWhenBatchFull: true,
    localConcurrency: WORKERS[queue] ?? 1,
    pollingIntervalSeconds,
    notifyPollingIntervalSeconds: pollingIntervalSeconds,
    perJobResults: true,
  } as const;
}
