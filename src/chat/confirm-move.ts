// The Confirm button of a reschedule: moves the client's appointment and tells the provider.

import { rescheduleAppointment } from '../booking/reschedule-appointment.ts';
import { notFound } from '../domain/outcome.ts';
import { clientSpan, clientWhen, joinLine } from './appointment-messages.ts';
import { readAppointmentView } from './appointment-view.ts';
import { recover } from './booking-advance.ts';
import { end } from './booking-reply.ts';
import { ChatStoreError } from './chat-identity.ts';
import type { BookingState } from './conversation-state.ts';
import type { ClientTurn, TurnResult } from './turn.ts';

/** Moves `appointmentId` to `newStart`, checking again that it is still the client's. */
export async function confirmMove(
  turn: ClientTurn,
  s: BookingState,
  appointmentId: string,
  newStart: Date,
): Promise<TurnResult> {
  const { db } = turn.deps;
  const before = await readAppointmentView(db, appointmentId);
  if (!before || before.appointment.clientId !== turn.client.id) {
    return recover(turn, s, notFound('appointment'), []);
  }
  const result = await rescheduleAppointment(
    db,
    { appointmentId, newStart, actor: `client:${turn.client.id}` },
    turn.now,
  );
  if (!result.ok) return recover(turn, s, result, []);
  const view = await readAppointmentView(db, appointmentId);
  if (!view) throw new ChatStoreError('a moved appointment could not be read back');
  await turn.deps.relayChanges();
  const { t } = turn;
  const status = view.appointment.status === 'PENDING' ? t.t('booking.stillWaiting') : '';
  const lines = [
    t.t('booking.moved', { service: view.serviceName, provider: view.providerName }),
    t.t('booking.movedNow', { when: clientWhen(t, view) }),
    t.t('booking.movedWas', { when: clientSpan(t, before) }),
    status,
    joinLine(t, view),
  ];
  return end(lines.filter((line) => line.length > 0).join('\n'));
}
