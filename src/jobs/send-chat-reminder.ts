// A reminder's DMs to every chat identity of one party.
import { clientAddresses, providerAddresses } from '../chat/chat-identity.ts';
import { MessengerError } from '../chat/chat-types.ts';
import type { ReminderPayload } from './job-payloads.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { liveReminder } from './live-reminder.ts';
import { recordDeliveryFailure } from './record-delivery-failure.ts';
import { reminderChatMessage } from './reminder-messages.ts';

/**
 * Sends the reminder to each of the party's chat identities (none: nothing to do). A
 * MessengerError (permanent) is recorded as DELIVERY_FAILED and the other identities still get
 * theirs; any other error is rethrown after the rest were tried, so pg-boss retries the job (a
 * retry may repeat the DM to an identity that already had it; one identity per person is usual).
 */
export async function sendChatReminder(
  deps: JobsDeps,
  jobId: string,
  payload: ReminderPayload,
): Promise<void> {
  const view = await liveReminder(deps.db, payload, deps.clock());
  if (!view) return;
  const { appointment } = view;
  const addresses =
    payload.party === 'client'
      ? await clientAddresses(deps.db, appointment.clientId)
      : await providerAddresses(deps.db, appointment.providerId);
  const message = reminderChatMessage(view, payload.kind, payload.party);
  let transient: unknown = null;
  for (const address of addresses) {
    try {
      await deps.messenger.send(address, message);
    } catch (error) {
      if (!(error instanceof MessengerError)) {
        transient = error;
        continue;
      }
      const at = deps.clock();
      await recordDeliveryFailure(deps.db, { ...payload, channel: 'chat', jobId, error, at });
    }
  }
  if (transient !== null) throw transient;
}
