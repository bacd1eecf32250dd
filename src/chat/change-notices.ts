// Notices for changes made outside a chat (the REST API), where chat flows have none of their own.

import { DateTime } from 'luxon';
import { UNTHREADED_EN } from '../i18n/translator.ts';
import {
  clientSpan,
  clientWhen,
  providerSpan,
  providerWhen,
  refundOutcome,
} from './appointment-messages.ts';
import type { AppointmentView } from './appointment-view.ts';
import { formatPrice } from './chat-format.ts';
import { chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';

/** To the client when the provider cancels. */
export function cancelledByProviderNotice(view: AppointmentView): ChatMessage {
  const lines = [
    `${view.providerName} cancelled ${view.serviceName} on ${clientWhen(UNTHREADED_EN, view)}.`,
  ];
  const refund = refundOutcome(UNTHREADED_EN, view, view.appointment.refundStatus);
  if (refund) lines.push(refund);
  lines.push('Send /book to pick another time.');
  return chatMessage(lines.join('\n'));
}

/** To the client when their appointment was moved for them. */
export function movedForClientNotice(view: AppointmentView, previousStart: Date): ChatMessage {
  return chatMessage(
    `Your ${view.serviceName} with ${view.providerName} moved from ${clientSpan(UNTHREADED_EN, view, previousStart)} to ${clientWhen(UNTHREADED_EN, view)}.`,
  );
}

/** To the provider when an appointment was moved by the admin. */
export function movedForProviderNotice(view: AppointmentView, previousStart: Date): ChatMessage {
  return chatMessage(
    `${view.clientName}'s ${view.serviceName} moved from ${providerSpan(UNTHREADED_EN, view, previousStart)} to ${providerWhen(UNTHREADED_EN, view)}.`,
  );
}

/** To the client after a no-show: what it costs and until when same-day booking is closed. */
export function noShowNotice(view: AppointmentView, lockoutUntil: Date | null): ChatMessage {
  const lines = [
    `You were marked as not attending ${view.serviceName} with ${view.providerName} on ${clientWhen(UNTHREADED_EN, view)}.`,
  ];
  if (view.appointment.price > 0) {
    const price = formatPrice(UNTHREADED_EN, view.appointment.price, view.appointment.currency);
    lines.push(`The ${price} is still due.`);
  }
  if (lockoutUntil) {
    const until = DateTime.fromJSDate(lockoutUntil, { zone: view.clientTimezone }).toFormat(
      'd LLL yyyy',
    );
    lines.push(`Until ${until} you can book appointments on other days, but not for the same day.`);
  }
  return chatMessage(lines.join('\n'));
}
