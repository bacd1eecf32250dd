// What a client hears when a hold they act on is over: released unpaid, or paid already.
import { UNTHREADED_EN } from '../i18n/translator.ts';
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
  const what = `${view.serviceName} with ${view.providerName}, ${clientWhen(UNTHREADED_EN, view)}`;
  const { status, holdExpiresAt } = view.appointment;
  if (status === 'AWAITING_PAYMENT' || status === 'CANCELLED') {
    const ended =
      holdExpiresAt === null
        ? 'is no longer held'
        : `was held until ${holdClock(holdExpiresAt, view.clientTimezone, turn.now)} (your time), and that has passed`;
    return chatMessage(
      `${what} ${ended}, so the time was released and nothing was charged. Send /book to pick a time again.`,
      { buttons: [[button('Book again', commandData('book'), 'primary')]] },
    );
  }
  return chatMessage(
    `${what} is already paid (${statusWords(UNTHREADED_EN, status)}). Send /mybookings to see it.`,
    { buttons: [[button('My bookings', commandData('mybookings'))]] },
  );
}
