// /mybookings' Cancel series on an occurrence: names the upcoming dates that would go (and any
// still due under the cancellation rules), asks for a yes, then cancels them through cancelSeries.

import { ACTIVE_STATUSES, type Appointment } from '../domain/appointment.ts';
import { decideRefund } from '../domain/refund-policy.ts';
import { cancelSeries } from '../series/cancel-series.ts';
import { readSeries } from '../series/read-series.ts';
import type { AppointmentView } from './appointment-view.ts';
import { flowData } from './button-data.ts';
import { formatPrice } from './chat-format.ts';
import { button, chatMessage, commandButton } from './chat-message.ts';
import type { MyBookingsState } from './conversation-state.ts';
import { occurrenceWhen } from './series-lines.ts';
import type { ClientTurn, TurnResult } from './turn.ts';

/** The client's future active dates of `seriesId`, or null when the series is not theirs. */
async function upcomingDates(
  turn: ClientTurn,
  seriesId: string,
): Promise<readonly Appointment[] | null> {
  const read = await readSeries(turn.deps.db, seriesId);
  if (!read.ok || read.value.series.clientId !== turn.client.id) return null;
  return read.value.appointments.filter(
    (a) => (ACTIVE_STATUSES as readonly string[]).includes(a.status) && a.startTime > turn.now,
  );
}

/**
 * Asks to cancel the series `view` belongs to: its upcoming dates, and each one too late to
 * cancel free. Null when the appointment is in no series of this client's (the caller shows the
 * list as it is now).
 */
export async function askToCancelSeries(
  turn: ClientTurn,
  s: MyBookingsState,
  view: AppointmentView,
): Promise<TurnResult | null> {
  const seriesId = view.appointment.seriesId;
  const dates = seriesId === null ? null : await upcomingDates(turn, seriesId);
  if (seriesId === null || dates === null || dates.length === 0) return null;
  const { t } = turn;
  const zone = turn.client.timezone;
  const due = dates.filter(
    (a) =>
      a.status !== 'PENDING' &&
      decideRefund({
        by: 'CLIENT',
        price: a.price,
        startTime: a.startTime,
        cancellationHours: view.cancellationHours,
        now: turn.now,
      }) === 'NO_REFUND',
  );
  const when = (a: Appointment) => occurrenceWhen(t, a.startTime, zone);
  const text = [
    t.t('series.cancelAsk', { service: view.serviceName, provider: view.providerName }),
    t.t('series.cancelDates', { count: dates.length, dates: dates.map(when).join('; ') }),
    t.t('series.pastStay'),
    ...due.map((a) =>
      t.t('series.stillDue', {
        when: when(a),
        hours: view.cancellationHours,
        price: formatPrice(t, a.price, a.currency),
      }),
    ),
  ].join('\n');
  const row = [
    button(t.t('series.cancelYes'), flowData(s.nonce, 'sy'), 'danger'),
    button(t.t('series.keep'), flowData(s.nonce, 'cn')),
  ];
  return {
    messages: [chatMessage(text, { buttons: [row] })],
    state: { ...s, cancelling: null, cancellingSeries: seriesId },
  };
}

/** The yes: cancels the series' upcoming dates (each as a single cancel would) and says which. */
export async function cancelWholeSeries(turn: ClientTurn, seriesId: string): Promise<TurnResult> {
  const { t } = turn;
  const dates = await upcomingDates(turn, seriesId);
  const way = [
    [
      commandButton(t.t('series.myBookings'), 'mybookings'),
      commandButton(t.t('series.book'), 'book'),
    ],
  ];
  if (dates === null) {
    return { messages: [chatMessage(t.t('series.notYours'), { buttons: way })], state: null };
  }
  const result = await cancelSeries(
    turn.deps.db,
    { seriesId, actor: `client:${turn.client.id}`, by: 'CLIENT', reason: null },
    turn.now,
  );
  if (!result.ok) {
    return {
      messages: [chatMessage(t.t('series.gone'), { buttons: way })],
      state: null,
    };
  }
  await turn.deps.relayChanges();
  const zone = turn.client.timezone;
  const { cancelled } = result.value;
  const text =
    cancelled.length === 0
      ? t.t('series.cancelledNone')
      : [
          t.t('series.cancelled', { count: cancelled.length }),
          ...cancelled.map((a) =>
            t.t('series.dropped', { when: occurrenceWhen(t, a.startTime, zone) }),
          ),
        ].join('\n');
  return { messages: [chatMessage(text, { buttons: way })], state: null };
}
