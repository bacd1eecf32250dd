// Collects a relay batch's jobs and sends them with one insert per queue, in the plans' order.
import type { ConnectionOptions, PgBoss } from 'pg-boss';

type BatchedJob = {
  readonly queue: string;
  readonly id: string;
  readonly data: object;
  readonly startAfter?: Date;
  /** Higher runs first among jobs waiting together (pg-boss priority). */
  readonly priority?: number;
  /** Jobs of one group run one at a time, where the queue's workers limit groups. */
  readonly group?: string;
};

export type JobBatch = {
  /**
   * Holds `job` for the next flush. With `resume`, a cancelled job already under its id is
   * resumed instead (a reminder planned again after a move back).
   */
  add(job: BatchedJob, options?: { readonly resume?: boolean }): void;
  /** Flushes the jobs held so far, then cancels `ids` on `queue`: plans keep their order. */
  cancel(queue: string, ids: readonly string[]): Promise<void>;
  /**
   * Sends the jobs held: one insert per queue, where pg-boss skips an id it already holds (so an
   * id stays an idempotency key), and one resume per queue for the skipped ids that asked for it.
   * Throws whatever pg-boss throws.
   */
  flush(): Promise<void>;
};

type Held = { job: BatchedJob; resume: boolean };

/**
 * A batch on `boss`, sent through `on.db` when given (the caller's transaction, so the jobs
 * commit with it and no second connection is taken while it holds locks). Sending job by job costs a commit each (about 3 ms, and more while NOTIFY
 * wakes workers); a relay batch of 100 bookings holds about a thousand jobs, which one insert
 * per queue sends in a few milliseconds. The same id twice is sent once, as pg-boss would keep it.
 */
export function createJobBatch(boss: PgBoss, on: ConnectionOptions = {}): JobBatch {
  const held = new Map<string, Map<string, Held>>();
  const flush = async () => {
    const queues = [...held];
    held.clear();
    for (const [queue, byId] of queues) {
      const jobs = [...byId.values()];
      const rows = jobs.map(({ job: { id, data, startAfter, priority, group } }) => ({
        id,
        data,
        ...(startAfter ? { startAfter } : {}),
        ...(priority === undefined ? {} : { priority }),
        ...(group === undefined ? {} : { group: { id: group } }),
      }));
      const inserted = new Set(await boss.insert(queue, rows, { ...on, returnId: true }));
      const resume = jobs.filter((h) => h.resume && !inserted.has(h.job.id)).map((h) => h.job.id);
      // resume touches only a cancelled job; an existing live or finished one is left alone.
      if (resume.length > 0) await boss.resume(queue, resume, on);
    }
  };
  return {
    add(job, options = {}) {
      const byId = held.get(job.queue) ?? new Map<string, Held>();
      held.set(job.queue, byId);
      const earlier = byId.get(job.id);
      if (earlier) earlier.resume ||= options.resume === true;
      else byId.set(job.id, { job, resume: options.resume === true });
    },
    async cancel(queue, ids) {
      await flush();
      await boss.cancel(queue, [...ids], on);
    },
    flush,
  };
}
