// What a decided approval request shows in place of its buttons, on every copy the provider got.

import { approvalRequestText } from '../chat/appointment-messages.ts';
import type { AppointmentView } from '../chat/appointment-view.ts';
import type { ChatMessage } from '../chat/chat-types.ts';
import type { MessageKey } from '../i18n/catalog/en.ts';
import type { Translator } from '../i18n/translator.ts';

/**
 * The request's text with its outcome under it and no buttons, from the appointment as it is
 * now, in the provider's language `t`; null while it still waits (nothing to show yet).
 */
export function requestOutcomeMessage(t: Translator, view: AppointmentView): ChatMessage | null {
  const outcome = outcomeKey(view.appointment);
  if (outcome === null) return null;
  const text = `${approvalRequestText(t, view)}\n\n${t.t(outcome)}`;
  return { text, buttons: [], select: null, replace: false };
}

function outcomeKey(appointment: AppointmentView['appointment']): MessageKey | null {
  switch (appointment.status) {
    case 'PENDING':
      return null;
    case 'CANCELLED':
      // A decline is the provider cancelling the request; the client may withdraw it too.
      return appointment.cancelledBy === 'CLIENT'
        ? 'notices.outcomeCancelledByClient'
        : 'notices.outcomeDeclined';
    default:
      return 'notices.outcomeApproved';
  }
}
