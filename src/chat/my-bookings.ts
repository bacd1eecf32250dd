// /mybookings: the client's upcoming appointments, each with Reschedule and Cancel. Cancel says
// what the refund policy will do before asking for a yes.

import { cancelAppointment } from '../booking/cancel-appointment.ts';
import { ACTIVE_STATUSES } from '../domain/appointment.ts';
import { decideRefund } from '../domain/refund-policy.ts';
import type { Translator } from '../i18n/translator.ts';
import type { Series } from '../series/series-types.ts';
import { clientWhen, refundOutcome, refundPreview } from './appointment-messages.ts';
import { type AppointmentView, readAppointmentView, upcomingOfClient } from './appointment-view.ts';
import { startReschedule } from './booking-flow.ts';
import { type ButtonData, flowData, holdData, newNonce } from './button-data.ts';
import { dualClock, formatDayShort, localDate, statusWords } from './chat-format.ts';
import { button, chatMessage, commandButton } from './chat-message.ts';
import type { ChatButton } from './chat-types.ts';
import type { MyBookingsState } from './conversation-state.ts';
import { describeFailure } from './failure-reply.ts';
import { releaseHold } from './hold-buttons.ts';
import { amountWords, holdClock } from './payment-words.ts';
import { askToCancelSeries, cancelWholeSeries } from './series-cancel.ts';
import { positionWords, seriesOfViews } from './series-position.ts';
import type { ClientTurn, TurnResult } from './turn.ts';

const PER_PAGE = 4;
const MAX_LISTED = 100;

/** Lists the upcoming appointments (a fresh flow unless `keep` carries one on). */
export async function showMyBookings(
  turn: ClientTurn,
  lead: string[] = [],
  keep: { nonce: string; page: number } | null = null,
): Promise<TurnResult> {
  const { t } = turn;
  const upcoming = await upcomingOfClient(turn.deps.db, turn.client.id, turn.now, MAX_LISTED);
  if (upcoming.length === 0) {
    const text = [...lead, t.t('mybookings.none')];
    const book = commandButton(t.t('mybookings.bookButton'), 'book', 'primary');
    return { messages: [chatMessage(text.join('\n'), { buttons: [[book]] })], state: null };
  }
  const nonce = keep?.nonce ?? newNonce();
  const page = keep && keep.page * PER_PAGE < upcoming.length ? keep.page : 0;
  const first = page * PER_PAGE;
  const shown = upcoming.slice(first, first + PER_PAGE);
  const series = await seriesOfViews(turn.deps.db, shown);
  const text = [
    ...lead,
    t.t('mybookings.title'),
    ...shown.map((view, i) => `${first + i + 1}. ${listLine(turn, view, series)}`),
  ];
  const rows: ChatButton[][] = shown.map((view, i) => {
    const n = first + i + 1;
    const row = [
      // A hold is paid, not moved: paying first keeps the slot it holds.
      view.appointment.status === 'AWAITING_PAYMENT'
        ? button(t.t('mybookings.payButton', { n }), holdData('pl', view.appointment.id), 'primary')
        : button(t.t('mybookings.rescheduleButton', { n }), flowData(nonce, 'rs', n - 1)),
      button(t.t('mybookings.cancelButton', { n }), flowData(nonce, 'cx', n - 1), 'danger'),
    ];
    // An occurrence of a series can also end the whole series (its upcoming dates).
    const seriesId = view.appointment.seriesId;
    if (seriesId !== null && series.has(seriesId)) {
      row.push(
        button(t.t('mybookings.cancelSeriesButton', { n }), flowData(nonce, 'cs', n - 1), 'danger'),
      );
    }
    return row;
  });
  const nav: ChatButton[] = [];
  if (page > 0) nav.push(button(t.t('mybookings.previous'), flowData(nonce, 'pp')));
  if (first + PER_PAGE < upcoming.length)
    nav.push(button(t.t('mybookings.next'), flowData(nonce, 'nx')));
  if (nav.length > 0) rows.push(nav);
  const state: MyBookingsState = {
    kind: 'mybookings',
    nonce,
    page,
    options: upcoming.map((view) => view.appointment.id),
    cancelling: null,
  };
  return { messages: [chatMessage(text.join('\n'), { buttons: rows })], state };
}

function listLine(turn: ClientTurn, view: AppointmentView, series: Map<string, Series>): string {
  const start = view.appointment.startTime;
  const zone = turn.client.timezone;
  const { t } = turn;
  const when = t.t('mybookings.dayClock', {
    day: formatDayShort(t, localDate(start, zone)),
    clock: dualClock(t, start, zone, view.providerTimezone),
  });
  const of = view.appointment.seriesId === null ? undefined : series.get(view.appointment.seriesId);
  const status = of
    ? t.t('mybookings.statusInSeries', {
        status: statusLine(turn, view),
        position: positionWords(t, of, start),
      })
    : statusLine(turn, view);
  const line = t.t('mybookings.line', {
    when,
    service: view.serviceName,
    provider: view.providerName,
    status,
  });
  const link = view.appointment.meetingLink;
  return view.isVirtual && link ? `${line}\n   ${t.t('mybookings.join', { link })}` : line;
}

/**
 * 'confirmed', or for a hold 'waiting for payment: €50.00 by 07:15'; a hold past its end that the
 * hold job has not released yet says so, rather than asking for a payment it would refund.
 */
function statusLine(turn: ClientTurn, view: AppointmentView): string {
  const until = view.appointment.holdExpiresAt;
  if (view.appointment.status !== 'AWAITING_PAYMENT' || until === null) {
    return statusWords(turn.t, view.appointment.status);
  }
  const by = holdClock(turn.t, until, turn.client.timezone, turn.now);
  if (until <= turn.now) return turn.t.t('mybookings.holdLapsed', { by });
  return turn.t.t('mybookings.holdWaiting', { amount: amountWords(turn.t, view), by });
}

/** The next step after a button of this flow; null when it does not fit (stale). */
export async function continueMyBookings(
  turn: ClientTurn,
  s: MyBookingsState,
  data: Extract<ButtonData, { kind: 'flow' }>,
): Promise<TurnResult | null> {
  const chosen = data.index === null ? undefined : s.options[data.index];
  switch (data.action) {
    case 'nx':
    case 'pp': {
      const page = Math.max(0, s.page + (data.action === 'nx' ? 1 : -1));
      return showMyBookings(turn, [], { nonce: s.nonce, page });
    }
    case 'rs': {
      const view = chosen ? await ownActive(turn, chosen) : null;
      if (!view) return showMyBookings(turn, [gone(turn.t)], s);
      return startReschedule(
        turn,
        {
          id: view.appointment.id,
          providerId: view.appointment.providerId,
          serviceId: view.appointment.serviceId,
        },
        // The day question names the service and provider; the lead says only when it is now.
        [turn.t.t('mybookings.currently', { when: clientWhen(turn.t, view) })],
      );
    }
    case 'cx': {
      const view = chosen ? await ownActive(turn, chosen) : null;
      if (!view) return showMyBookings(turn, [gone(turn.t)], s);
      return askToCancel(turn, s, view);
    }
    case 'cy':
      return s.cancelling ? cancel(turn, s, s.cancelling) : null;
    case 'cs': {
      const view = chosen ? await ownActive(turn, chosen) : null;
      const asked = view ? await askToCancelSeries(turn, s, view) : null;
      return asked ?? showMyBookings(turn, [gone(turn.t)], s);
    }
    case 'sy':
      return s.cancellingSeries ? cancelWholeSeries(turn, s.cancellingSeries) : null;
    case 'cn':
      return s.cancelling || s.cancellingSeries
        ? showMyBookings(turn, [turn.t.t('mybookings.kept')], s)
        : null;
    default:
      return null;
  }
}

function askToCancel(turn: ClientTurn, s: MyBookingsState, view: AppointmentView): TurnResult {
  const { t } = turn;
  if (view.appointment.status === 'AWAITING_PAYMENT') return askToRelease(turn.t, s, view);
  const refund = decideRefund({
    by: 'CLIENT',
    price: view.appointment.price,
    startTime: view.appointment.startTime,
    cancellationHours: view.cancellationHours,
    now: turn.now,
  });
  const text = [
    t.t('mybookings.askCancel', { service: view.serviceName, provider: view.providerName }),
    clientWhen(t, view),
    refundPreview(t, view, refund),
  ]
    .filter((line) => line.length > 0)
    .join('\n');
  const row = [
    button(t.t('mybookings.yesCancel'), flowData(s.nonce, 'cy'), 'danger'),
    button(t.t('mybookings.keepIt'), flowData(s.nonce, 'cn')),
  ];
  return {
    messages: [chatMessage(text, { buttons: [row] })],
    state: { ...s, cancelling: view.appointment.id, cancellingSeries: null },
  };
}

/** A hold costs nothing to give up; it asks all the same, as any cancel does. */
function askToRelease(t: Translator, s: MyBookingsState, view: AppointmentView): TurnResult {
  const text = [
    t.t('mybookings.askRelease', { service: view.serviceName, provider: view.providerName }),
    clientWhen(t, view),
    t.t('mybookings.nothingPaid'),
  ].join('\n');
  const row = [
    button(t.t('mybookings.yesRelease'), flowData(s.nonce, 'cy'), 'danger'),
    button(t.t('mybookings.keepIt'), flowData(s.nonce, 'cn')),
  ];
  return {
    messages: [chatMessage(text, { buttons: [row] })],
    state: { ...s, cancelling: view.appointment.id, cancellingSeries: null },
  };
}

async function cancel(turn: ClientTurn, s: MyBookingsState, id: string): Promise<TurnResult> {
  const view = await ownActive(turn, id);
  if (!view) return showMyBookings(turn, [gone(turn.t)], s);
  if (view.appointment.status === 'AWAITING_PAYMENT') {
    return { messages: [await releaseHold(turn, view)], state: null };
  }
  const result = await cancelAppointment(
    turn.deps.db,
    { appointmentId: id, by: 'CLIENT', actor: `client:${turn.client.id}`, reason: null },
    turn.now,
  );
  if (!result.ok) {
    const reply = describeFailure(turn.t, result, turn.client.timezone);
    return showMyBookings(turn, [reply.text], s);
  }
  const { t } = turn;
  const after = { ...view, appointment: result.value };
  await turn.deps.relayChanges();
  const text = [
    t.t('mybookings.cancelled', { service: view.serviceName, provider: view.providerName }),
    clientWhen(t, view),
    view.appointment.status === 'PENDING' ? '' : refundOutcome(t, after, result.value.refundStatus),
  ].filter((line) => line.length > 0);
  return { messages: [chatMessage(text.join('\n'))], state: null };
}

/** The appointment when it is this client's and still held, PENDING or CONFIRMED, else null. */
async function ownActive(turn: ClientTurn, id: string): Promise<AppointmentView | null> {
  const view = await readAppointmentView(turn.deps.db, id);
  if (!view || view.appointment.clientId !== turn.client.id) return null;
  return (ACTIVE_STATUSES as readonly string[]).includes(view.appointment.status) ? view : null;
}

function gone(t: Translator): string {
  return t.t('mybookings.gone');
}
