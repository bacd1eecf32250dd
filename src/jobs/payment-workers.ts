// Workers for the payment queues: refunds through the processor, and unpaid holds released.
import type { PgBoss } from 'pg-boss';
import { refundAppointment } from '../payments/refund-appointment.ts';
import { releaseHold } from '../payments/release-hold.ts';
import { type PaymentJobPayload, paymentJobPayload } from './job-payloads.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { QUEUES } from './queues.ts';
import { settleEach } from './settle-jobs.ts';
import { workOptions } from './work-options.ts';

/** A hold release ran before the hold's end (clocks apart); pg-boss tries it again later. */
class HoldNotDueError extends Error {
  override name = 'HoldNotDueError';
}

/**
 * Registers the refund and hold workers. A refund job refunds every REFUND_DUE refund of its
 * appointment (refundAppointment); when the processor is down, or payments are off while a
 * refund is due, it throws and pg-boss retries it with backoff (the idempotency key makes a retry
 * safe). A hold job releases a lapsed hold or closes a cancelled hold's checkouts (releaseHold).
 */
export async function workPayments(
  boss: PgBoss,
  deps: JobsDeps,
  pollingIntervalSeconds: number,
): Promise<void> {
  await boss.work<unknown>(
    QUEUES.refunds,
    workOptions(QUEUES.refunds, pollingIntervalSeconds),
    (jobs) => settleEach(deps, jobs, paymentJobPayload, refundJob),
  );
  await boss.work<unknown>(
    QUEUES.holds,
    workOptions(QUEUES.holds, pollingIntervalSeconds),
    (jobs) => settleEach(deps, jobs, paymentJobPayload, holdJob),
  );
}

async function refundJob(deps: JobsDeps, _jobId: string, payload: PaymentJobPayload) {
  const gateway = deps.payments?.gateway ?? null;
  await refundAppointment(deps.db, gateway, payload.appointmentId, deps.clock());
}

async function holdJob(deps: JobsDeps, _jobId: string, payload: PaymentJobPayload) {
  const gateway = deps.payments?.gateway ?? null;
  const outcome = await releaseHold(
    { db: deps.db, gateway, logger: deps.logger },
    payload.appointmentId,
    deps.clock(),
  );
  if (outcome === 'not-due') throw new HoldNotDueError('the hold has not ended yet');
}
