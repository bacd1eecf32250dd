// Settles a batch of jobs one by one: schema check, delivery, and an outcome per job.
import type { Job, JobResult } from 'pg-boss';
import type { z } from 'zod';
import { describeErrorSafely } from '../logging/describe-error-safely.ts';
import { awaitEarlierJobs } from './await-earlier-jobs.ts';
import type { JobsDeps } from './jobs-deps.ts';

/** Delivers one job's checked payload; throws to have pg-boss retry it. */
type Deliver<T> = (deps: JobsDeps, jobId: string, payload: T) => Promise<void>;

/** Settles every job of a batch with one payload schema and one delivery. */
type Settle = <T>(
  deps: JobsDeps,
  jobs: readonly Job<unknown>[],
  schema: z.ZodType<T>,
  deliver: Deliver<T>,
) => Promise<JobResult[]>;

/**
 * Runs `deliver` for each job in turn. A payload that fails `schema` goes straight to the
 * dead-letter queue (a retry cannot fix it); a thrown error fails the job so pg-boss retries it
 * with backoff; otherwise the job completes.
 */
export const settleEach: Settle = async (deps, jobs, schema, deliver) => {
  const results: JobResult[] = [];
  for (const job of jobs) results.push(await settle(deps, job, schema, deliver));
  return results;
};

/**
 * settleEach for queues whose jobs about one appointment must go out in order (see
 * awaitEarlierJobs): each job first waits, briefly, for the earlier ones of its appointment.
 */
export const settleInOrder: Settle = async (deps, jobs, schema, deliver) => {
  const results: JobResult[] = [];
  for (const job of jobs) {
    await awaitEarlierJobs(
      deps.db,
      job,
      results.map((r) => r.id),
    );
    results.push(await settle(deps, job, schema, deliver));
  }
  return results;
};

async function settle<T>(
  deps: JobsDeps,
  job: Job<unknown>,
  schema: z.ZodType<T>,
  deliver: Deliver<T>,
): Promise<JobResult> {
  const parsed = schema.safeParse(job.data);
  if (!parsed.success) {
    deps.logger.error({ queue: job.name, jobId: job.id }, 'job with a malformed payload');
    return { id: job.id, status: 'deadletter', output: { error: 'malformed payload' } };
  }
  try {
    await deliver(deps, job.id, parsed.data);
    return { id: job.id, status: 'completed' };
  } catch (error) {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    deps.logger.warn(
      {
        queue: job.name,
        jobId: job.id,
        retryCount: job.retryCount,
        err: describeErrorSafely(error),
      },
      'delivery failed; pg-boss will retry',
    );
    return { id: job.id, status: 'failed', output: { error: reason } };
  }
}
