// The words of a reminder, for the client or the provider, in chat and by email, in the reader's language.

import { clientWhen, providerWhen } from '../chat/appointment-messages.ts';
import type { AppointmentView } from '../chat/appointment-view.ts';
import { chatMessage } from '../chat/chat-message.ts';
import type { ChatMessage } from '../chat/chat-types.ts';
import type { Translator } from '../i18n/translator.ts';
import type { Party, ReminderKind } from './job-payloads.ts';

/** The select value each reminder's lead is chosen by in the catalog. */
const LEAD_KIND: Record<ReminderKind, string> = {
  'reminder-48h': 'h48',
  'reminder-1h': 'h1',
};

/** The service and the other party: 'Massage with Anna Weber' for the client, '... with Sam' for the provider. */
function whatValues(view: AppointmentView, party: Party) {
  return {
    service: view.serviceName,
    other: party === 'client' ? view.providerName : view.clientName,
  };
}

function when(t: Translator, view: AppointmentView, party: Party): string {
  return party === 'client' ? clientWhen(t, view) : providerWhen(t, view);
}

/** '\nJoin: <link>' for a virtual appointment with its link, else nothing. */
export function join(t: Translator, view: AppointmentView): string {
  const link = view.appointment.meetingLink;
  return link ? `\n${t.t('appointment.join', { link })}` : '';
}

/** The DM: lead line, what and with whom, and when in the reader's own zone. Plain, no buttons. */
export function reminderChatMessage(
  t: Translator,
  view: AppointmentView,
  kind: ReminderKind,
  party: Party,
): ChatMessage {
  const lines = [
    t.t('notices.reminderLead', { kind: LEAD_KIND[kind] }),
    t.t('notices.reminderWhat', whatValues(view, party)),
    when(t, view, party),
  ];
  return chatMessage(`${lines.join('\n')}${join(t, view)}`);
}

/** Subject and plain-text body of the reminder email; no calendar invite (the booking mail has it). */
export function reminderEmail(
  t: Translator,
  view: AppointmentView,
  kind: ReminderKind,
  party: Party,
): { subject: string; text: string } {
  const what = whatValues(view, party);
  const body = `${t.t('notices.reminderWhat', what)}\n${when(t, view, party)}${join(t, view)}`;
  return {
    subject: t.t('notices.reminderSubject', { kind: LEAD_KIND[kind], ...what }),
    text: `${body}\n\n${t.t('notices.reminderFooter')}`,
  };
}
