// One message to each of a party's chat identities, with permanent failures on the event log.
import { readAppointmentView } from '../chat/appointment-view.ts';
import type { ChatAddress, ChatMessage } from '../chat/chat-types.ts';
import { MessengerError } from '../chat/chat-types.ts';
import { editSentRequests } from './edit-sent-requests.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { type DeliveryFailure, recordDeliveryFailure } from './record-delivery-failure.ts';
import { keepSentRequests } from './sent-requests.ts';

type DmDeps = Pick<JobsDeps, 'db' | 'messenger' | 'clock' | 'logger'>;
type DmFacts = Omit<DeliveryFailure, 'channel' | 'error' | 'at'>;

/**
 * Sends `message` to every address in turn. A MessengerError (permanent: bot blocked, user gone)
 * is recorded as a chat DELIVERY_FAILED and the other addresses still get theirs; any other
 * error is rethrown after the rest were tried, so pg-boss retries the job (a retry may repeat
 * the DM to an address that already had it; one identity per person is usual). An approval
 * request (see keepsCopies) has each copy kept, so the copies can show the decision later.
 */
export async function sendDms(
  deps: DmDeps,
  addresses: readonly ChatAddress[],
  message: ChatMessage,
  facts: DmFacts,
): Promise<void> {
  let transient: unknown = null;
  for (const address of addresses) {
    try {
      const sent = await deps.messenger.send(address, { ...message, replace: false });
      if (keepsCopies(message, facts)) {
        await keepSentRequests(deps.db, facts.appointmentId, sent, deps.clock());
      }
    } catch (error) {
      if (!(error instanceof MessengerError)) {
        transient = error;
        continue;
      }
      const at = deps.clock();
      await recordDeliveryFailure(deps.db, { ...facts, channel: 'chat', error, at });
    }
  }
  if (keepsCopies(message, facts)) await settleIfDecided(deps, facts.appointmentId);
  if (transient !== null) throw transient;
}

/**
 * The provider's DMs with buttons are approval requests (Approve, Decline): no other DM to a
 * provider carries buttons. Their copies are kept to be edited once the request is decided.
 */
function keepsCopies(message: ChatMessage, facts: DmFacts): boolean {
  return facts.party === 'provider' && message.buttons.length > 0;
}

/**
 * A decision that landed while the copies went out may have had its edit job run before they
 * were kept; the copies are then brought up to date here (an edit made twice is harmless).
 */
async function settleIfDecided(deps: DmDeps, appointmentId: string): Promise<void> {
  const view = await readAppointmentView(deps.db, appointmentId);
  if (!view || view.appointment.status === 'PENDING') return;
  await editSentRequests(deps, '', { appointmentId });
}
