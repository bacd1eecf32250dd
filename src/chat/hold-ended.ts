// What a client hears when a hold they act on is over: released unpaid, or paid already.
import { clientWhen } from './appointment-messages.ts';
import type { AppointmentView } from './appointment-view.ts';
import { commandData } from './button-data.ts';
import { statusWords } from './chat-format.ts';
import { button, chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';
import { holdClock } from './payment-words.ts';
import type { Turn } from './turn.ts';

/**
 * Why the hold in `view` can no longer be paid or released, with a way on: a hold that lapsed or
 * was released (AWAITING_PAYMENT past its end, or CANCELLED) offers Book again; a paid one
 * (PENDING, CONFIRMED, or over) offers My bookings. Pure: `view` must be read fresh.
 */
export function holdEndedMessage(turn: Turn, view: AppointmentView): ChatMessage {
  const { t } = turn;
  const what = {
    service: view.serviceName,
    provider: view.providerName,
    when: clientWhen(t, view),
  };
  const { status, holdExpiresAt } = view.appointment;
  if (status === 'AWAITING_PAYMENT' || status === 'CANCELLED') {
    const text =
      holdExpiresAt === null
        ? t.t('payment.holdGone', what)
        : t.t('payment.holdLapsed', {
            ...what,
            until: holdClock(t, holdExpiresAt, view.clientTimezone, turn.now),
          });
    return chatMessage(text, {
      buttons: [[button(t.t('booking.bookAgain'), commandData('book'), 'primary')]],
    });
  }
  return chatMessage(t.t('payment.alreadyPaid', { ...what, status: statusWords(t, status) }), {
    buttons: [[button(t.t('booking.myBookings'), commandData('mybookings'))]],
  });
}
