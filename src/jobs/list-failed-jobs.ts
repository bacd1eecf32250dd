// Jobs that exhausted their retries, as the dead-letter queue holds them, for operators.
import type { PgBoss } from 'pg-boss';
import { QUEUES } from './queues.ts';

export type FailedJob = {
  /** The dead-letter copy's id: pass it as `after` to read the next page. */
  readonly id: string;
  /** Queue and id of the job that failed. */
  readonly sourceQueue: string | null;
  readonly sourceId: string | null;
  readonly data: unknown;
  /** What the last attempt failed with ({ error } from our workers). */
  readonly output: unknown;
  readonly failedAt: Date;
};

/**
 * Dead-lettered jobs, oldest first, at most `limit` (1..100) after the job `after`. Throws
 * pg-boss's error when `after` names a job that no longer exists or the database fails.
 */
export async function listFailedJobs(
  boss: PgBoss,
  options: { limit: number; after?: string },
): Promise<FailedJob[]> {
  const limit = Math.min(Math.max(Math.trunc(options.limit), 1), 100);
  const jobs = await boss.findJobs(QUEUES.deadLetter, {
    limit,
    ...(options.after === undefined ? {} : { after: options.after }),
  });
  return jobs.map((job) => ({
    id: job.id,
    sourceQueue: job.sourceName,
    sourceId: job.sourceId,
    data: job.data,
    output: job.sourceOutput ?? job.output,
    failedAt: job.createdOn,
  }));
}
