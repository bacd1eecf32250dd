// Starts the background work: pg-boss, its queues and workers, the housekeeping cron, the relay.
import { PgBoss } from 'pg-boss';
import { BACKGROUND_TIMEOUTS, poolTimeoutSettings } from '../db/database-timeouts.ts';
import { isDatabaseUnavailable } from '../db/is-database-unavailable.ts';
import { describeErrorSafely } from '../logging/describe-error-safely.ts';
import { requestCalendarPush, requestCalendarSync, workCalendars } from './calendar-jobs.ts';
import { scheduleHousekeeping } from './housekeeping.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { type FailedJob, listFailedJobs } from './list-failed-jobs.ts';
import { relayOnce } from './outbox-relay.ts';
import { workPayments } from './payment-workers.ts';
import { createQueues, DEFAULT_RETRY, type RetryPolicy } from './queues.ts';
import { startRelayLoop } from './relay-loop.ts';
import { workReminders } from './reminder-workers.ts';
import { workRequestEdits } from './request-edit-worker.ts';
import { requestWaitlistOffers, workWaitlist } from './waitlist-workers.ts';
import { BOSS_POOL_MAX, DEFAULT_POLLING_SECONDS } from './work-options.ts';

type JobsOptions = {
  /**
   * How often workers look for jobs NOTIFY did not announce: reminders falling due, retries, or
   * every job when LISTEN is unavailable (pg-boss minimum 0.5). Default 1.
   */
  readonly pollingIntervalSeconds?: number;
  /** Pause between relay rounds. Default 1000. */
  readonly relayIntervalMs?: number;
  /** Retries of delivery jobs before the dead-letter queue. Default 5 from 30 s, doubling. */
  readonly retry?: RetryPolicy;
};

export type Jobs = {
  /**
   * Stops the relay, lets running jobs finish for up to `graceMs` (default 20 s), fails those
   * still running so pg-boss retries them, then closes pg-boss's pool.
   */
  stop(graceMs?: number): Promise<void>;
  /** One relay pass now; resolves with the number of events relayed. */
  relayOnce(): Promise<number>;
  /** Queues a sync of one calendar connection (a push notification arrived, or it just connected). */
  requestCalendarSync(connectionId: string): Promise<void>;
  /** Queues putting an existing appointment on a newly connected calendar. */
  requestCalendarPush(connectionId: string, appointmentId: string): Promise<void>;
  /** Queues a walk of the provider's waitlist now (after a pass or a leave). */
  requestWaitlistOffers(providerId: string): Promise<void>;
  /** Dead-lettered jobs for GET /api/jobs/failed. */
  listFailedJobs(options: { limit: number; after?: string }): Promise<FailedJob[]>;
};

/**
 * Starts pg-boss in schema 'pgboss' on `databaseUrl` (installing or migrating its tables; safe
 * when several instances start together), creates the queues, registers the workers and the
 * hourly housekeeping schedule, and relays the outbox on an interval. Relay faults are logged
 * and retried next round. Throws JobsStartError when pg-boss cannot start.
 */
export async function startJobs(
  deps: JobsDeps & { readonly databaseUrl: string },
  options: JobsOptions = {},
): Promise<Jobs> {
  const polling = options.pollingIntervalSeconds ?? DEFAULT_POLLING_SECONDS;
  // LISTEN/NOTIFY wakes a queue's workers as soon as a job is sent to it; without it (PgBouncer in
  // transaction mode, a dropped listener) pg-boss warns and the polling above still runs.
  const boss = new PgBoss({
    connectionString: deps.databaseUrl,
    schema: 'pgboss',
    max: BOSS_POOL_MAX,
    // pg-boss's own pool gets the background bounds too: no wait of its is unbounded.
    ...poolTimeoutSettings(BACKGROUND_TIMEOUTS),
    useListenNotify: true,
  });
  let stopping = false;
  boss.on('error', (err) => {
    // The database stopping after us (embedded PostgreSQL) ends pg-boss's last idle connections
    // with 57P01; that is the shutdown working, not a fault.
    if (stopping && isAdminShutdown(err)) return;
    // Never `err` itself: pg-boss's errors can hold the database client and the query data.
    if (isDatabaseUnavailable(err)) {
      // A failover or restart: pg-boss reconnects and its jobs resume; nothing to fix here.
      deps.logger.warn({ err: describeErrorSafely(err) }, 'pg-boss lost the database; retrying');
      return;
    }
    deps.logger.error({ err: describeErrorSafely(err) }, 'pg-boss error');
  });
  try {
    await boss.start();
    await createQueues(boss, options.retry ?? DEFAULT_RETRY);
    await workReminders(boss, deps, polling);
    await workRequestEdits(boss, deps, polling);
    await workPayments(boss, deps, polling);
    await workWaitlist(boss, deps, polling);
    await scheduleHousekeeping(boss, deps);
    if (deps.calendars) await workCalendars(boss, deps, deps.calendars, polling);
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => {});
    throw new JobsStartError('background jobs could not start', { cause: error });
  }
  const relay = () => relayOnce(deps.db, boss);
  const loop = startRelayLoop(relay, options.relayIntervalMs ?? 1000, deps.logger);
  return {
    relayOnce: relay,
    listFailedJobs: (list) => listFailedJobs(boss, list),
    requestCalendarSync: (connectionId) => requestCalendarSync(boss, connectionId, deps.clock()),
    requestCalendarPush: (connectionId, appointmentId) =>
      requestCalendarPush(boss, connectionId, appointmentId),
    requestWaitlistOffers: (providerId) => requestWaitlistOffers(boss, providerId),
    stop: async (graceMs = 20_000) => {
      stopping = true;
      await loop.stop();
      await boss.stop({ graceful: true, timeout: graceMs });
    },
  };
}

function isAdminShutdown(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === '57P01';
}

class JobsStartError extends Error {
  override name = 'JobsStartError';
}
