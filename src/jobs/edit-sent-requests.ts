// Edits every kept copy of an appointment's approval request to its outcome, once it is decided.
import { z } from 'zod';
import { readAppointmentView } from '../chat/appointment-view.ts';
import { type ChatMessage, MessengerError, type SentMessageRef } from '../chat/chat-types.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { partyTranslator } from './party-translator.ts';
import { requestOutcomeMessage } from './request-outcome.ts';
import { settleSentRequest, unsettledRequests } from './sent-requests.ts';

type EditDeps = Pick<JobsDeps, 'db' | 'messenger' | 'clock' | 'logger' | 'defaultLanguage'>;

/** One appointment whose request copies should show how it was decided. */
export const requestEditPayload = z.object({ appointmentId: z.uuid() });
export type RequestEditPayload = z.infer<typeof requestEditPayload>;

/**
 * The request-edit job: every copy not yet settled is edited to the outcome (no buttons) and
 * then settled, so a job run again edits nothing more. No transaction is open during a platform
 * call. A copy the platform will not edit (MessengerError: deleted, too old) is logged, without
 * personal data, and settled; any other error is thrown after the rest were tried, so pg-boss
 * retries (within its retry limit) only the copies left.
 */
export async function editSentRequests(
  deps: EditDeps,
  _jobId: string,
  payload: RequestEditPayload,
): Promise<void> {
  const view = await readAppointmentView(deps.db, payload.appointmentId);
  const message = view
    ? requestOutcomeMessage(partyTranslator(deps, view, 'provider'), view)
    : null;
  if (!message) return;
  let transient: unknown = null;
  for (const ref of await unsettledRequests(deps.db, payload.appointmentId)) {
    try {
      await editOne(deps, payload.appointmentId, ref, message);
    } catch (error) {
      transient = error;
    }
  }
  if (transient !== null) throw transient;
}

async function editOne(
  deps: EditDeps,
  appointmentId: string,
  ref: SentMessageRef,
  message: ChatMessage,
): Promise<void> {
  try {
    await deps.messenger.edit(ref, message);
  } catch (error) {
    if (!(error instanceof MessengerError)) throw error;
    deps.logger.warn(
      { appointmentId, platform: ref.platform, err: error.name },
      'approval request copy could not be edited; skipped',
    );
  }
  await settleSentRequest(deps.db, ref, deps.clock());
}
