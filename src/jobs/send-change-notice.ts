// A change notice's DMs to every chat identity of one party.
import { readAppointmentView } from '../chat/appointment-view.ts';
import { clientAddresses, providerAddresses } from '../chat/chat-identity.ts';
import { changeNoticeMessage } from './change-notice-message.ts';
import type { ChangeNoticePayload } from './job-payloads.ts';
import { type DmDeps, sendDms } from './send-dms.ts';

/**
 * Sends the notice to each of the party's chat identities (none, appointment gone or notice
 * stale: nothing to do). Permanent failures are recorded per identity and transient ones thrown
 * for pg-boss to retry, as sendDms describes.
 */
export async function sendChangeNotice(
  deps: DmDeps,
  jobId: string,
  payload: ChangeNoticePayload,
): Promise<void> {
  const view = await readAppointmentView(deps.db, payload.appointmentId);
  if (!view) return;
  const message = changeNoticeMessage(view, payload);
  if (!message) return;
  const { clientId, providerId } = view.appointment;
  const addresses =
    payload.party === 'client'
      ? await clientAddresses(deps.db, clientId)
      : await providerAddresses(deps.db, providerId);
  const { appointmentId, kind, party } = payload;
  await sendDms(deps, addresses, message, { appointmentId, kind, party, jobId });
}
