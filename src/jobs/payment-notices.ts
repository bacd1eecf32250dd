// The client's chat notices about money: a hold that ran out, a refund made, a refund that failed.

import { clientWhen } from '../chat/appointment-messages.ts';
import type { AppointmentView } from '../chat/appointment-view.ts';
import { formatPrice } from '../chat/chat-format.ts';
import { chatMessage, commandButton } from '../chat/chat-message.ts';
import type { ChatButton, ChatMessage } from '../chat/chat-types.ts';
import { UNTHREADED_EN } from '../i18n/translator.ts';

/** An amount in the appointment's minor units and currency, as the money event recorded it. */
export type Money = { readonly amount: number; readonly currency: string };

/** The amount, or the appointment's own amount due when the event named none. */
function moneyWords(view: AppointmentView, money: Money | undefined): string {
  const { amountDue, currency } = view.appointment;
  return formatPrice(UNTHREADED_EN, money?.amount ?? amountDue, money?.currency ?? currency);
}

function what(view: AppointmentView): string {
  return `${view.serviceName} with ${view.providerName} on ${clientWhen(UNTHREADED_EN, view)}`;
}

function stands(view: AppointmentView): boolean {
  return ['AWAITING_PAYMENT', 'PENDING', 'CONFIRMED'].includes(view.appointment.status);
}

/** The way on: a booking that still stands, or booking another time. */
function wayOn(view: AppointmentView): string {
  return stands(view)
    ? 'Your booking stands: send /mybookings to see it.'
    : 'Send /book to choose another time.';
}

/** The same way on as a button, pressed or typed alike. */
function wayOnButtons(view: AppointmentView): ChatButton[][] {
  return stands(view)
    ? [[commandButton('My bookings', 'mybookings')]]
    : [[commandButton('Book again', 'book', 'primary')]];
}

/** The hold ended unpaid: the time is free again. */
export function holdExpiredNotice(view: AppointmentView): ChatMessage {
  return chatMessage(
    [
      `The ${moneyWords(view, undefined)} payment for ${what(view)} did not arrive in time, so that time has been released.`,
      'Send /book to choose another time.',
    ].join('\n'),
    { buttons: wayOnButtons(view) },
  );
}

/** The processor accepted the refund. */
export function refundedNotice(view: AppointmentView, money: Money | undefined): ChatMessage {
  return chatMessage(
    [
      `We refunded ${moneyWords(view, money)} for ${what(view)}.`,
      'It usually shows on your statement within 5 to 10 business days.',
      wayOn(view),
    ].join('\n'),
    { buttons: wayOnButtons(view) },
  );
}

/** The refund could not be made automatically: who will sort it out, and how to follow up. */
export function refundFailedNotice(view: AppointmentView, money: Money | undefined): ChatMessage {
  return chatMessage(
    [
      `We could not refund the ${moneyWords(view, money)} you paid for ${what(view)} automatically.`,
      `${view.providerName} will be in touch to pay it back. If you have not heard from them within a few days, contact them and mention the booking on ${clientWhen(UNTHREADED_EN, view)}.`,
      wayOn(view),
    ].join('\n'),
    { buttons: wayOnButtons(view) },
  );
}
