// The words of a reminder, for the client or the provider, in chat and by email.

import { clientWhen, providerWhen } from '../chat/appointment-messages.ts';
import type { AppointmentView } from '../chat/appointment-view.ts';
import { chatMessage } from '../chat/chat-message.ts';
import type { ChatMessage } from '../chat/chat-types.ts';
import { UNTHREADED_EN } from '../i18n/translator.ts';
import type { Party, ReminderKind } from './job-payloads.ts';

const LEAD: Record<ReminderKind, string> = {
  'reminder-48h': 'Reminder: in 2 days',
  'reminder-1h': 'Reminder: in 1 hour',
};

/** 'Massage with Anna Weber' for the client, 'Massage with Sam Client' for the provider. */
function what(view: AppointmentView, party: Party): string {
  const other = party === 'client' ? view.providerName : view.clientName;
  return `${view.serviceName} with ${other}`;
}

function when(view: AppointmentView, party: Party): string {
  return party === 'client' ? clientWhen(UNTHREADED_EN, view) : providerWhen(UNTHREADED_EN, view);
}

/** '\nJoin: <link>' for a virtual appointment with its link, else nothing. */
export function join(view: AppointmentView): string {
  return view.appointment.meetingLink ? `\nJoin: ${view.appointment.meetingLink}` : '';
}

/** The DM: lead line, what and with whom, and when in the reader's own zone. Plain, no buttons. */
export function reminderChatMessage(
  view: AppointmentView,
  kind: ReminderKind,
  party: Party,
): ChatMessage {
  return chatMessage(`${LEAD[kind]}\n${what(view, party)}\n${when(view, party)}${join(view)}`);
}

/** Subject and plain-text body of the reminder email; no calendar invite (the booking mail has it). */
export function reminderEmail(
  view: AppointmentView,
  kind: ReminderKind,
  party: Party,
): { subject: string; text: string } {
  return {
    subject: `${LEAD[kind]}: ${what(view, party)}`,
    text: `${what(view, party)}\n${when(view, party)}${join(view)}\n\nThis is an automatic reminder from Slotline.`,
  };
}
