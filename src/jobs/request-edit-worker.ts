// The worker that edits decided approval requests on every platform they were sent to.
import type { PgBoss } from 'pg-boss';
import { editSentRequests, requestEditPayload } from './edit-sent-requests.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { QUEUES } from './queues.ts';
import { settleEach } from './settle-jobs.ts';
import { workOptions } from './work-options.ts';

/**
 * Registers the request-edit worker: one appointment's jobs run one at a time across instances
 * (groupConcurrency), so two decisions' edits never race; each job settles on its own.
 */
export async function workRequestEdits(
  boss: PgBoss,
  deps: JobsDeps,
  pollingIntervalSeconds: number,
): Promise<void> {
  const options = {
    ...workOptions(QUEUES.requestEdit, pollingIntervalSeconds),
    groupConcurrency: 1,
  };
  await boss.work<unknown>(QUEUES.requestEdit, options, (jobs) =>
    settleEach(deps, jobs, requestEditPayload, editSentRequests),
  );
}
