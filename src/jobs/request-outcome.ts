// What a decided approval request shows in place of its buttons, on every copy the provider got.

import { approvalRequestText } from '../chat/appointment-messages.ts';
import type { AppointmentView } from '../chat/appointment-view.ts';
import type { ChatMessage } from '../chat/chat-types.ts';
import { UNTHREADED_EN } from '../i18n/translator.ts';

/**
 * The request's text with its outcome under it and no buttons, from the appointment as it is
 * now; null while it still waits (nothing to show yet).
 */
export function requestOutcomeMessage(view: AppointmentView): ChatMessage | null {
  const outcome = outcomeWords(view.appointment);
  if (outcome === null) return null;
  const text = `${approvalRequestText(UNTHREADED_EN, view)}\n\n${outcome}`;
  return { text, buttons: [], select: null, replace: false };
}

function outcomeWords(appointment: AppointmentView['appointment']): string | null {
  switch (appointment.status) {
    case 'PENDING':
      return null;
    case 'CANCELLED':
      // A decline is the provider cancelling the request; the client may withdraw it too.
      return appointment.cancelledBy === 'CLIENT' ? 'Cancelled by the client' : 'Declined';
    default:
      return 'Approved ✓';
  }
}
