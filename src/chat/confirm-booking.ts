// The /book Confirm button: books the chosen time (or moves the appointment) and has the provider told.

import { bookAppointment } from '../booking/book-appointment.ts';
import { bookedMessage, joinLine } from './appointment-messages.ts';
import { type AppointmentView, readAppointmentView } from './appointment-view.ts';
import { askForPayment } from './ask-for-payment.ts';
import { recover } from './booking-advance.ts';
import { end } from './booking-reply.ts';
import { commandData } from './button-data.ts';
import { ChatStoreError } from './chat-identity.ts';
import { button } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';
import { confirmMove } from './confirm-move.ts';
import type { BookingState } from './conversation-state.ts';
import type { ClientTurn, Turn, TurnResult } from './turn.ts';

/**
 * Books what the confirm step showed; null when the state is not complete (stale). The key
 * carries the nonce, so a double tap books once.
 */
export async function confirm(turn: ClientTurn, s: BookingState): Promise<TurnResult | null> {
  if (s.start === null || s.providerId === null || s.serviceId === null) return null;
  if (s.appointmentId) return confirmMove(turn, s, s.appointmentId, new Date(s.start));
  const { db } = turn.deps;
  const clientId = turn.client.id;
  const result = await bookAppointment(
    db,
    {
      providerId: s.providerId,
      serviceId: s.serviceId,
      clientId,
      startTime: new Date(s.start),
      notes: null,
      idempotencyKey: `chat:${turn.user.platform}:${turn.user.platformUserId}:${s.nonce}`,
      actor: `client:${clientId}`,
      paymentHoldMinutes: turn.deps.payments?.holdMinutes ?? null,
    },
    turn.now,
  );
  if (!result.ok) return recover(turn, s, result, []);
  const view = await readAppointmentView(db, result.value.appointment.id);
  if (!view) throw new ChatStoreError('a booked appointment could not be read back');
  if (!result.value.replayed) await turn.deps.relayChanges();
  return {
    messages: [await bookedReply(turn, view)],
    state: { ...s, step: 'done', options: [], bookedId: view.appointment.id },
  };
}

/**
 * A held booking asks for payment; a booked or requested one says so; one that is over since
 * (a released hold, a cancellation, Confirm pressed again later) says how it stands, with a way on.
 */
function bookedReply(turn: Turn, view: AppointmentView): Promise<ChatMessage> | ChatMessage {
  switch (view.appointment.status) {
    case 'AWAITING_PAYMENT':
      return askForPayment(turn, view);
    case 'CONFIRMED':
    case 'PENDING':
      return bookedWithLink(turn, view);
    default:
      return {
        ...bookedMessage(turn.t, view),
        buttons: [
          [button(turn.t.t('booking.bookAgain'), commandData('book'), 'primary')],
          [button(turn.t.t('booking.myBookings'), commandData('mybookings'))],
        ],
      };
  }
}

/** The booked message with the join link of a virtual appointment, or where it will show. */
function bookedWithLink(turn: Turn, view: AppointmentView): ChatMessage {
  const message = bookedMessage(turn.t, view);
  const join = joinLine(turn.t, view);
  return join === '' ? message : { ...message, text: `${message.text}\n${join}` };
}

/** Confirm pressed again after booking: shows the booking once more, as it is now. */
export async function showBooked(
  turn: ClientTurn,
  s: BookingState,
  id: string,
): Promise<TurnResult> {
  const view = await readAppointmentView(turn.deps.db, id);
  if (!view) return end(turn.t.t('booking.gone'));
  return { messages: [await bookedReply(turn, view)], state: s };
}
