// A change mail to the provider: who booked, asked, cancelled or moved, and when.
import { providerMail } from '../mail/provider-mail.ts';
import { mailedChange, mailTranslator, readChangeMailFacts } from './change-mail-facts.ts';
import type { ProviderMailPayload } from './job-payloads.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { sendMail } from './send-mail.ts';

/**
 * Mails the provider about one event, in the provider's language (no address, appointment gone,
 * or an approval request no longer waiting: nothing to do). A permanent refusal is recorded as
 * DELIVERY_FAILED; any other error is thrown so pg-boss retries the job.
 */
export async function sendProviderMail(
  deps: JobsDeps,
  jobId: string,
  payload: ProviderMailPayload,
): Promise<void> {
  const facts = await readChangeMailFacts(deps.db, payload.appointmentId);
  if (!facts?.providerEmail) return;
  if (payload.kind === 'approval-request' && facts.status !== 'PENDING') return;
  const t = mailTranslator(deps, facts.providerLanguage);
  const message = providerMail(t, payload.kind, {
    ...mailedChange(facts, payload, facts.meetingLink),
    provider: {
      name: facts.providerName,
      email: facts.providerEmail,
      timezone: facts.providerTimezone,
    },
    clientName: facts.clientName,
  });
  const failure = { appointmentId: payload.appointmentId, kind: payload.kind, jobId };
  await sendMail(deps, message, { ...failure, party: 'provider' });
}
