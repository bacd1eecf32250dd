// A change notice's DMs to every chat identity of one party.
import { readAppointmentView } from '../chat/appointment-view.ts';
import { clientAddresses, providerAddresses } from '../chat/chat-identity.ts';
import { readChangeMailFacts } from './change-mail-facts.ts';
import { changeNoticeMessage } from './change-notice-message.ts';
import { ensureMeetingLink } from './ensure-meeting-link.ts';
import type { ChangeNoticePayload } from './job-payloads.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { partyTranslator } from './party-translator.ts';
import { sendDms } from './send-dms.ts';

/**
 * A notice that confirms a virtual appointment makes its join link first (once: whichever of
 * this job and the confirmation mail runs first makes it), so the DM can carry it.
 */
async function joinLinkFirst(deps: JobsDeps, jobId: string, payload: ChangeNoticePayload) {
  const confirming =
    (payload.kind === 'booked' && payload.bookedAs === 'CONFIRMED') || payload.kind === 'approved';
  if (!confirming) return;
  const facts = await readChangeMailFacts(deps.db, payload.appointmentId);
  if (!facts) return;
  const kind = payload.kind === 'approved' ? 'approved' : 'confirmation';
  await ensureMeetingLink(deps, { facts, kind, jobId });
}

/**
 * Sends the notice to each of the party's chat identities (none, appointment gone or notice
 * stale: nothing to do). Permanent failures are recorded per identity and transient ones thrown
 * for pg-boss to retry, as sendDms describes.
 */
export async function sendChangeNotice(
  deps: JobsDeps,
  jobId: string,
  payload: ChangeNoticePayload,
): Promise<void> {
  await joinLinkFirst(deps, jobId, payload);
  const view = await readAppointmentView(deps.db, payload.appointmentId);
  if (!view) return;
  // In the recipient's own language, never the language of whoever made the change.
  const message = changeNoticeMessage(partyTranslator(deps, view, payload.party), view, payload);
  if (!message) return;
  const { clientId, providerId } = view.appointment;
  const addresses =
    payload.party === 'client'
      ? await clientAddresses(deps.db, clientId)
      : await providerAddresses(deps.db, providerId);
  const { appointmentId, kind, party } = payload;
  await sendDms(deps, addresses, message, { appointmentId, kind, party, jobId });
}
