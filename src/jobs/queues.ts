// Queue names and their retry policy; every queue is created before anything is sent to it.
import type { PgBoss } from 'pg-boss';

export const QUEUES = {
  reminders: 'reminders',
  email: 'notifications-email',
  changeMail: 'notifications-change-mail',
  providerMail: 'notifications-provider-mail',
  changeNotice: 'notifications-change-chat',
  requestEdit: 'notifications-request-edit',
  calendarPush: 'calendar-push',
  calendarSync: 'calendar-sync',
  calendarSweep: 'calendar-sweep',
  refunds: 'payments-refund',
  holds: 'payments-hold',
  // Waitlists: walk a provider's line (after a change frees time, at an offer's expiry), and
  // tell a client of their offer.
  waitlistOffers: 'waitlist-offers',
  waitlistDm: 'notifications-waitlist-offer',
  housekeeping: 'housekeeping',
  deadLetter: 'dead-letter',
} as const;

/** The queues whose jobs someone is waiting for: retried, dead-lettered, woken by NOTIFY. */
const DELIVERY_QUEUES = [
  QUEUES.reminders,
  QUEUES.email,
  QUEUES.changeMail,
  QUEUES.providerMail,
  QUEUES.changeNotice,
  QUEUES.requestEdit,
  QUEUES.calendarPush,
  QUEUES.calendarSync,
  // Money the client waits for: a refund through a Stripe outage is retried, never dropped.
  QUEUES.refunds,
  QUEUES.holds,
  QUEUES.waitlistOffers,
  QUEUES.waitlistDm,
] as const;

export type RetryPolicy = {
  /** Attempts after the first before a job goes to the dead-letter queue. */
  readonly retryLimit: number;
  /** Base delay in seconds; doubled per attempt (with jitter) because retryBackoff is on. */
  readonly retryDelaySeconds: number;
  /** The longest delay backoff may reach; unset: no cap. */
  readonly retryDelayMaxSeconds?: number;
};

export const DEFAULT_RETRY: RetryPolicy = { retryLimit: 5, retryDelaySeconds: 30 };

/**
 * Creates the queues (idempotent: an existing queue keeps its settings). Delivery queues retry
 * with backoff and dead-letter what exhausts its retries; the heartbeat frees a job whose worker
 * died mid-delivery well before the default 15-minute expiry. Sending to a delivery queue sends a
 * NOTIFY that wakes its workers at once; queues made before that setting get it turned on here.
 */
export async function createQueues(boss: PgBoss, retry: RetryPolicy): Promise<void> {
  await boss.createQueue(QUEUES.deadLetter, { retentionSeconds: 30 * 86_400 });
  const delivery = {
    retryLimit: retry.retryLimit,
    retryDelay: retry.retryDelaySeconds,
    retryBackoff: true,
    ...(retry.retryDelayMaxSeconds === undefined
      ? {}
      : { retryDelayMax: retry.retryDelayMaxSeconds }),
    deadLetter: QUEUES.deadLetter,
    heartbeatSeconds: 30,
    notify: true,
  };
  for (const queue of DELIVERY_QUEUES) {
    await boss.createQueue(queue, delivery);
    await boss.updateQueue(queue, { notify: true });
  }
  await boss.createQueue(QUEUES.calendarSweep, { retryLimit: 1, deadLetter: QUEUES.deadLetter });
  await boss.createQueue(QUEUES.housekeeping, { retryLimit: 2, deadLetter: QUEUES.deadLetter });
}
