// One mail through the Mailer port, with a permanent refusal on the event log.
import type { MailMessage } from '../mail/mail-types.ts';
import { MailRejectedError } from '../mail/mail-types.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { type DeliveryFailure, recordDeliveryFailure } from './record-delivery-failure.ts';

/**
 * Sends `message`, tagged with what it is about (kind, party, appointment id) so the mailer's
 * log line needs nothing personal. A MailRejectedError (permanent: SMTP 5xx) is recorded as an
 * email DELIVERY_FAILED and swallowed; any other error is rethrown so pg-boss retries the job.
 */
export async function sendMail(
  deps: Pick<JobsDeps, 'db' | 'mailer' | 'clock'>,
  message: MailMessage,
  failure: Omit<DeliveryFailure, 'channel' | 'error' | 'at'>,
): Promise<void> {
  try {
    const { kind, party, appointmentId } = failure;
    // One key per job: a retry of a job whose mail went out repeats the Message-ID (receivers
    // drop the copy) and finds the outbox file already there.
    await deps.mailer.send({
      ...message,
      about: { kind, party, appointmentId },
      deliveryKey: failure.jobId,
    });
  } catch (error) {
    if (!(error instanceof MailRejectedError)) throw error;
    const at = deps.clock();
    await recordDeliveryFailure(deps.db, { ...failure, channel: 'email', error, at });
  }
}
