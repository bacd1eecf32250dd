// A reminder's DMs to every chat identity of one party.
import { clientAddresses, providerAddresses } from '../chat/chat-identity.ts';
import type { ReminderPayload } from './job-payloads.ts';
import type { JobsDeps } from './jobs-deps.ts';
import { liveReminder } from './live-reminder.ts';
import { reminderChatMessage } from './reminder-messages.ts';
import { sendDms } from './send-dms.ts';

/**
 * Sends the reminder to each of the party's chat identities (none, or the appointment no longer
 * as planned: nothing to do). Permanent failures are recorded per identity and transient ones
 * thrown for pg-boss to retry, as sendDms describes.
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
  const { appointmentId, kind, party } = payload;
  await sendDms(deps, addresses, message, { appointmentId, kind, party, jobId });
}
