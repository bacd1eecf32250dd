// A reminder's DMs to every chat identity of one party.
import { clientAddresses, providerAddresses } from '../chat/chat-identity.ts';
import { whileLive } from './live-reminder.ts';
import { partyTranslator } from './party-translator.ts';
import { reminderChatMessage } from './reminder-messages.ts';
import { sendDms } from './send-dms.ts';

/**
 * Sends the reminder to each of the party's chat identities (none, or the appointment no longer
 * as planned: nothing to do). Permanent failures are recorded per identity and transient ones
 * thrown for pg-boss to retry, as sendDms describes.
 */
export const sendChatReminder = whileLive(async (deps, view, payload, failure) => {
  const { appointment } = view;
  const addresses =
    payload.party === 'client'
      ? await clientAddresses(deps.db, appointment.clientId)
      : await providerAddresses(deps.db, appointment.providerId);
  const t = partyTranslator(deps, view, payload.party);
  const message = reminderChatMessage(t, view, payload.kind, payload.party);
  await sendDms(deps, addresses, message, failure);
});
