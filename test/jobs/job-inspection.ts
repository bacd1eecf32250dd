// Looking at jobs from a test: a pg-boss handle on the same schema, and polling with a deadline.
import { type JobWithMetadata, PgBoss } from 'pg-boss';
import { afterAll } from 'vitest';
import { remindersFor } from '../../src/jobs/reminder-plan.ts';
import type { TestDatabase } from '../support/test-database.ts';

/** A pg-boss handle on the same schema for looking at jobs; no workers, no maintenance. */
export async function inspector(db: TestDatabase): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: db.url,
    schema: 'pgboss',
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => {});
  await boss.start();
  afterAll(() => boss.stop({ graceful: false }));
  return boss;
}

/** The reminder jobs of one appointment as pg-boss holds them, by queue and deterministic id. */
export async function reminderJobs(
  boss: PgBoss,
  appointmentId: string,
  start: Date,
): Promise<(JobWithMetadata<unknown> | null)[]> {
  return Promise.all(
    remindersFor(appointmentId, start).map(async (job) => {
      const [found] = await boss.findJobs<unknown>(job.queue, { id: job.id });
      return found ?? null;
    }),
  );
}

/** The reminder kind a job carries ('reminder-48h' or 'reminder-1h'). */
export function kindOf(job: JobWithMetadata<unknown> | null): string | undefined {
  return (job?.data as { kind?: string } | undefined)?.kind;
}

/** Every job of `queue` whose data mentions the appointment. */
export async function jobsOf(boss: PgBoss, queue: string, appointmentId: string) {
  return boss.findJobs<unknown>(queue, { data: { appointmentId } });
}

/** Polls `check` every 100 ms until it returns true; throws after `timeoutMs`. */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(100);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const HOUR = 3_600_000;
