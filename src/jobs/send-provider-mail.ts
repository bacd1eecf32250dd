// A change mail to the provider: who booked, asked, cancelled or moved, and when.
import { providerMail } from '../mail/provider-mail.ts';
import { readChangeMailFacts } from './change-mail-facts.ts';
import type { ProviderMailPayload } from './job-payloads.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { sendMail } from './send-mail.ts';

/**
 * Mails the provider about one event (no address, appointment gone, or an approval request no
 * longer waiting: nothing to do). A permanent refusal is recorded as DELIVERY_FAILED; any other
 * error is thrown so pg-boss retries the job.
 */
export async function sendProviderMail(
  deps: JobsDeps,
  jobId: string,
  payload: ProviderMailPayload,
): Promise<void> {
  const facts = await readChangeMailFacts(deps.db, payload.appointmentId);
  if (!facts?.providerEmail) return;
  if (payload.kind === 'approval-request' && facts.status !== 'PENDING') return;
  const start = new Date(payload.startTime);
  const length = facts.endTime.getTime() - facts.startTime.getTime();
  const message = providerMail(payload.kind, {
    provider: {
      name: facts.providerName,
      email: facts.providerEmail,
      timezone: facts.providerTimezone,
    },
    clientName: facts.clientName,
    serviceName: facts.serviceName,
    start,
    end: new Date(start.getTime() + length),
    previousStart: payload.previousStartTime ? new Date(payload.previousStartTime) : null,
    meetingLink: facts.meetingLink,
    reason: payload.reason,
  });
  const failure = { appointmentId: payload.appointmentId, kind: payload.kind, jobId };
  await sendMail(deps, message, { ...failure, party: 'provider' });
}
