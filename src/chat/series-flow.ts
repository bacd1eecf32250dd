// The series flow's buttons: provider and service (the booking steps' own), the count, the
// preview's Book all / Book the free ones / Change / Other day or time, and Repeat weekly on a
// one-off booking's summary, which turns its time into the first of a series.
import { advance } from './booking-advance.ts';
import type { ButtonData } from './button-data.ts';
import { newNonce } from './button-data.ts';
import type { BookingState, SeriesState } from './conversation-state.ts';
import { freshState } from './new-booking-state.ts';
import { advanceSeries } from './series-advance.ts';
import { alreadyBooked, bookAllDates, bookFreeDates } from './series-book.ts';
import { settleSeriesChoice } from './series-choice.ts';
import { cancelSeriesFlow, WEEK_CHOICES } from './series-preview.ts';
import { pickFirst } from './series-start.ts';
import type { ClientTurn, TurnResult } from './turn.ts';

type FlowButton = Extract<ButtonData, { kind: 'flow' }>;

/** The next step after a button of this flow; null when it does not fit the step (stale). */
export async function continueSeries(
  turn: ClientTurn,
  s: SeriesState,
  data: FlowButton,
): Promise<TurnResult | null> {
  const picked = (step: SeriesState['step']) =>
    s.step === step && data.index !== null ? (s.options[data.index] ?? null) : null;
  switch (data.action) {
    case 'pv': {
      const id = picked('provider');
      return id
        ? advanceSeries(turn, { ...s, page: 0, providerId: id, serviceId: null }, [])
        : null;
    }
    case 'sv': {
      const id = picked('service');
      return id ? advanceSeries(turn, { ...s, page: 0, serviceId: id }, []) : null;
    }
    case 'nx':
    case 'pp': {
      if (s.step !== 'provider' && s.step !== 'service') return null;
      const page = Math.max(0, s.page + (data.action === 'nx' ? 1 : -1));
      return advanceSeries(turn, { ...s, page }, []);
    }
    case 'sn': {
      const weeks =
        s.step === 'weeks' && data.index !== null ? WEEK_CHOICES[data.index] : undefined;
      if (weeks === undefined) return null;
      const occurrences = Math.ceil(weeks / s.intervalWeeks);
      return advanceSeries(turn, { ...s, occurrences }, []);
    }
    case 'sa':
    case 'sf':
      return pressBook(turn, s, data.action);
    case 'sc':
      if (s.step !== 'preview' && s.step !== 'weeks') return null;
      return advanceSeries(turn, { ...s, occurrences: null }, [turn.t.t('series.change')]);
    case 'od':
      return s.step === 'preview' || s.step === 'weeks' ? otherDayOrTime(turn, s) : null;
    case 'no':
      return s.step === 'done' ? null : cancelSeriesFlow(turn);
    default:
      // Buttons of other flows carrying this nonce.
      return null;
  }
}

/** Book all / Book the free ones: on the preview they book; after booking they say it is done. */
async function pressBook(
  turn: ClientTurn,
  s: SeriesState,
  action: 'sa' | 'sf',
): Promise<TurnResult | null> {
  if (s.step === 'done') return alreadyBooked(turn, s);
  if (s.step !== 'preview') return null;
  const settled = await settleSeriesChoice(turn, s, []);
  if (settled.shown !== null) return settled.shown;
  return action === 'sa'
    ? bookAllDates(turn, settled.s, settled.picked)
    : bookFreeDates(turn, settled.s, settled.picked);
}

/** Back to the booking flow's days for this provider and service; its summary repeats again. */
function otherDayOrTime(turn: ClientTurn, s: SeriesState): Promise<TurnResult> {
  const state = freshState({ providerId: s.providerId, serviceId: s.serviceId, step: 'day' });
  return advance(turn, state, [pickFirst(turn)]);
}

/**
 * 'Repeat weekly' on a new booking's summary: its time becomes the first of a weekly series in
 * the client's zone, and the count is asked. Null (stale) anywhere but that summary.
 */
export function repeatWeekly(turn: ClientTurn, b: BookingState): Promise<TurnResult> | null {
  if (b.step !== 'confirm' || b.appointmentId !== null) return null;
  if (b.start === null || b.providerId === null || b.serviceId === null) return null;
  const s: SeriesState = {
    kind: 'series',
    nonce: newNonce(),
    step: 'weeks',
    page: 0,
    options: [],
    candidates: null,
    providerId: b.providerId,
    serviceId: b.serviceId,
    words: [],
    firstStart: b.start,
    occurrences: null,
    intervalWeeks: 1,
    seriesId: null,
  };
  return advanceSeries(turn, s, []);
}
