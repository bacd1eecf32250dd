// The client's chat notices about money: a hold that ran out, a refund made, a refund that failed.

import { clientWhen } from '../chat/appointment-messages.ts';
import type { AppointmentView } from '../chat/appointment-view.ts';
import { formatPrice } from '../chat/chat-format.ts';
import { chatMessage, commandButton } from '../chat/chat-message.ts';
import type { ChatButton, ChatMessage } from '../chat/chat-types.ts';
import type { Translator } from '../i18n/translator.ts';

/** An amount in the appointment's minor units and currency, as the money event recorded it. */
export type Money = { readonly amount: number; readonly currency: string };

/** The amount, or the appointment's own amount due when the event named none. */
function moneyWords(t: Translator, view: AppointmentView, money: Money | undefined): string {
  const { amountDue, currency } = view.appointment;
  return formatPrice(t, money?.amount ?? amountDue, money?.currency ?? currency);
}

/** The values every notice names the appointment by: the amount, what, with whom, when. */
function values(t: Translator, view: AppointmentView, money: Money | undefined) {
  return {
    amount: moneyWords(t, view, money),
    service: view.serviceName,
    provider: view.providerName,
    when: clientWhen(t, view),
  };
}

function stands(view: AppointmentView): boolean {
  return ['AWAITING_PAYMENT', 'PENDING', 'CONFIRMED'].includes(view.appointment.status);
}

/** The way on: a booking that still stands, or booking another time. */
function wayOn(t: Translator, view: AppointmentView): string {
  return stands(view) ? t.t('notices.bookingStands') : t.t('notices.chooseAnother');
}

/** The same way on as a button, pressed or typed alike. */
function wayOnButtons(t: Translator, view: AppointmentView): ChatButton[][] {
  return stands(view)
    ? [[commandButton(t.t('notices.myBookingsButton'), 'mybookings')]]
    : [[commandButton(t.t('notices.bookAgainButton'), 'book', 'primary')]];
}

/** The hold ended unpaid: the time is free again. */
export function holdExpiredNotice(t: Translator, view: AppointmentView): ChatMessage {
  return chatMessage(
    [t.t('notices.holdExpired', values(t, view, undefined)), t.t('notices.chooseAnother')].join(
      '\n',
    ),
    { buttons: wayOnButtons(t, view) },
  );
}

/** The processor accepted the refund. */
export function refundedNotice(
  t: Translator,
  view: AppointmentView,
  money: Money | undefined,
): ChatMessage {
  return chatMessage(
    [
      t.t('notices.refunded', values(t, view, money)),
      t.t('notices.refundShows'),
      wayOn(t, view),
    ].join('\n'),
    { buttons: wayOnButtons(t, view) },
  );
}

/** The refund could not be made automatically: who will sort it out, and how to follow up. */
export function refundFailedNotice(
  t: Translator,
  view: AppointmentView,
  money: Money | undefined,
): ChatMessage {
  const all = values(t, view, money);
  return chatMessage(
    [
      t.t('notices.refundFailed', all),
      t.t('notices.refundFailedHow', { provider: all.provider, when: all.when }),
      wayOn(t, view),
    ].join('\n'),
    { buttons: wayOnButtons(t, view) },
  );
}
