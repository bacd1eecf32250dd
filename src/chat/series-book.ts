// The preview's Book buttons: books the whole series or its free dates under a key from the flow
// (a double press books once), then lists what was booked and what was skipped.
import type { Appointment } from '../domain/appointment.ts';
import { bookFreeOfSeries, bookWholeSeries } from '../series/book-series.ts';
import type { BookedSeries, SeriesRequest } from '../series/series-types.ts';
import { lines } from './booking-reply.ts';
import { chatMessage, commandButton } from './chat-message.ts';
import type { SeriesState } from './conversation-state.ts';
import { describeFailure } from './failure-reply.ts';
import type { Picked } from './free-times.ts';
import { occurrenceLines, occurrenceWhen, seriesRhythmInline } from './series-lines.ts';
import { previewStep, seriesInput, showPreview } from './series-preview.ts';
import type { ClientTurn, TurnResult } from './turn.ts';

type BookSeries = typeof bookWholeSeries;

/** Book all N: every date, or none when one is taken (then the fresh preview). */
export function bookAllDates(
  turn: ClientTurn,
  s: SeriesState,
  picked: Picked,
): Promise<TurnResult> {
  return bookWith(turn, s, picked, bookWholeSeries, 'all');
}

/** Book the N free ones: the free dates, the others skipped. */
export function bookFreeDates(
  turn: ClientTurn,
  s: SeriesState,
  picked: Picked,
): Promise<TurnResult> {
  return bookWith(turn, s, picked, bookFreeOfSeries, 'free');
}

async function bookWith(
  turn: ClientTurn,
  s: SeriesState,
  picked: Picked,
  book: BookSeries,
  which: string,
): Promise<TurnResult> {
  const input = seriesInput(turn, s);
  // No count yet (not a preview's state): ask it rather than book.
  if (input === null) return showPreview(turn, s, picked, []);
  const request: SeriesRequest = {
    ...input,
    notes: null,
    // The flow's nonce: a double press, or a platform's retry, finds the same series.
    idempotencyKey: `chat:${turn.user.platform}:${turn.user.platformUserId}:${s.nonce}:${which}`,
    actor: `client:${turn.client.id}`,
    paymentHoldMinutes: turn.deps.payments?.holdMinutes ?? null,
  };
  const result = await book(turn.deps.db, request, turn.now);
  if (result.ok) {
    if (!result.value.replayed) await turn.deps.relayChanges();
    return {
      messages: [bookedMessage(turn, s, picked, result.value)],
      state: { ...s, step: 'done', options: [], seriesId: result.value.series.id },
    };
  }
  if (result.code === 'SERIES_CONFLICT') {
    return previewStep(turn, s, picked, result.occurrences, [turn.t.t('series.takenMeanwhile')]);
  }
  // A race lost at the constraint: nothing was written; the dates as they are now.
  if (result.code === 'SLOT_TAKEN') {
    return showPreview(turn, s, picked, [turn.t.t('series.takenMeanwhile')]);
  }
  const reply = describeFailure(turn.t, result, turn.client.timezone);
  const buttons = [[commandButton(turn.t.t('series.bookAgain'), 'book', 'primary')]];
  return { messages: [chatMessage(reply.text, { buttons })], state: null };
}

/** 'Booked 7 of 8: Massage with Anna Weber, every Tuesday at 10:00 (Europe/Berlin)', the dates. */
function bookedMessage(turn: ClientTurn, s: SeriesState, picked: Picked, booked: BookedSeries) {
  const { t } = turn;
  const zone = turn.client.timezone;
  const { series, appointments, skipped } = booked;
  const heading = t.t('series.booked', {
    outcome: appointments[0]?.status ?? 'CONFIRMED',
    done: appointments.length,
    total: series.occurrences,
    service: picked.service.name,
    provider: picked.provider.name,
    rhythm: seriesRhythmInline(t, new Date(s.firstStart), series.timezone, series.intervalWeeks),
  });
  const text = lines(
    [],
    heading,
    ...appointments.map((a) => t.t('series.free', { when: occurrenceWhen(t, a.startTime, zone) })),
    ...(skipped.length > 0 ? [t.t('series.skipped'), ...occurrenceLines(t, skipped, zone)] : []),
    ...followUp(turn, picked, appointments),
  );
  const mine = commandButton(t.t('series.myBookings'), 'mybookings');
  return chatMessage(text, { buttons: [[mine]] });
}

/** Requested: each needs the provider's yes; Held: each waits for payment; else booked. */
function followUp(
  turn: ClientTurn,
  picked: Picked,
  appointments: readonly Appointment[],
): string[] {
  const { t } = turn;
  const status = appointments[0]?.status;
  if (status === 'PENDING')
    return [
      t.t('series.pendingFollowUp', { provider: picked.provider.name }),
      t.t('series.seeMyBookings'),
    ];
  if (status === 'AWAITING_PAYMENT') return [t.t('series.heldFollowUp')];
  return [t.t('series.bookedFollowUp')];
}

/** A Book button pressed again after the series was booked: says so, with a way on. */
export function alreadyBooked(turn: ClientTurn, s: SeriesState): TurnResult {
  const { t } = turn;
  const mine = commandButton(t.t('series.myBookings'), 'mybookings');
  return {
    messages: [chatMessage(t.t('series.alreadyBooked'), { buttons: [[mine]] })],
    state: s,
  };
}
