// The client's buttons on an unpaid hold: a fresh payment link, or release the hold; stale ones say how it stands.

import { cancelAppointment } from '../booking/cancel-appointment.ts';
import { clientWhen } from './appointment-messages.ts';
import { type AppointmentView, readAppointmentView } from './appointment-view.ts';
import { askForPayment } from './ask-for-payment.ts';
import { commandData, type HoldVerb } from './button-data.ts';
import { button, chatMessage } from './chat-message.ts';
import type { ChatMessage } from './chat-types.ts';
import { holdEndedMessage } from './hold-ended.ts';
import { holdClock } from './payment-words.ts';
import type { Turn } from './turn.ts';

/**
 * Acts on the hold `appointmentId` when it is this chat's client's: 'pl' shows how to pay again
 * (retrying the payment page), 'xh' releases it. A hold that lapsed, was released or was paid
 * gets a plain answer with a way on instead.
 */
export async function onHoldButton(
  turn: Turn,
  verb: HoldVerb,
  appointmentId: string,
): Promise<ChatMessage[]> {
  const view = await readAppointmentView(turn.deps.db, appointmentId);
  if (!view || turn.client === null || view.appointment.clientId !== turn.client.id) {
    return [chatMessage(turn.t.t('payment.notYours'))];
  }
  const { status, holdExpiresAt } = view.appointment;
  if (status !== 'AWAITING_PAYMENT' || holdExpiresAt === null || holdExpiresAt <= turn.now) {
    return [holdEndedMessage(turn, view)];
  }
  if (verb === 'pl') return [await askForPayment(turn, view)];
  return [await releaseHold(turn, view)];
}

/** Releases the client's unpaid hold in `view`; nothing was paid, so nothing is owed. */
export async function releaseHold(turn: Turn, view: AppointmentView): Promise<ChatMessage> {
  const clientId = view.appointment.clientId;
  const result = await cancelAppointment(
    turn.deps.db,
    {
      appointmentId: view.appointment.id,
      by: 'CLIENT',
      actor: `client:${clientId}`,
      reason: 'hold released by the client',
    },
    turn.now,
  );
  if (!result.ok) {
    // The core may not release a hold early; it then lapses by itself, unpaid and free.
    const until = holdClock(
      turn.t,
      view.appointment.holdExpiresAt ?? turn.now,
      view.clientTimezone,
      turn.now,
    );
    return chatMessage(turn.t.t('payment.releaseFailed', { until }));
  }
  await turn.deps.relayChanges();
  const { t } = turn;
  const released = t.t('payment.released', {
    service: view.serviceName,
    provider: view.providerName,
    when: clientWhen(t, view),
  });
  return chatMessage(released, {
    buttons: [[button(t.t('booking.bookAgain'), commandData('book'), 'primary')]],
  });
}
