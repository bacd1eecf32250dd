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
import { occurrenceLines, occurrenceWhen, seriesRhythm } from './series-lines.ts';
import { previewStep, seriesInput, showPreview } from './series-preview.ts';
import type { ClientTurn, TurnResult } from './turn.ts';

type BookSeries = typeof bookWholeSeries;

const TAKEN_MEANWHILE = 'Someone has just taken a date of this series. Here is how it stands now:';

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
    return previewStep(turn, s, picked, result.occurrences, [TAKEN_MEANWHILE]);
  }
  // A race lost at the constraint: nothing was written; the dates as they are now.
  if (result.code === 'SLOT_TAKEN') return showPreview(turn, s, picked, [TAKEN_MEANWHILE]);
  const reply = describeFailure(result, turn.client.timezone);
  const buttons = [[commandButton('Book again', 'book', 'primary')]];
  return { messages: [chatMessage(reply.text, { buttons })], state: null };
}

/** 'Booked 7 of 8: Massage with Anna Weber, every Tuesday at 10:00 (Europe/Berlin)', the dates. */
function bookedMessage(turn: ClientTurn, s: SeriesState, picked: Picked, booked: BookedSeries) {
  const zone = turn.client.timezone;
  const { series, appointments, skipped } = booked;
  const rhythm = seriesRhythm(new Date(s.firstStart), series.timezone, series.intervalWeeks);
  const count = `${appointments.length} of ${series.occurrences}`;
  const what = `${picked.service.name} with ${picked.provider.name}`;
  const text = lines(
    [],
    `${outcomeWord(appointments)} ${count}: ${what}, ${rhythm.charAt(0).toLowerCase()}${rhythm.slice(1)}`,
    ...appointments.map((a) => `✓ ${occurrenceWhen(a.startTime, zone)}`),
    ...(skipped.length > 0 ? ['Skipped:', ...occurrenceLines(skipped, zone)] : []),
    ...followUp(picked, appointments),
  );
  return chatMessage(text, { buttons: [[commandButton('My bookings', 'mybookings')]] });
}

/** Booked, Requested (each needs the provider's yes) or Held (each waits for payment). */
function outcomeWord(appointments: readonly Appointment[]): string {
  const status = appointments[0]?.status;
  if (status === 'PENDING') return 'Requested';
  if (status === 'AWAITING_PAYMENT') return 'Held';
  return 'Booked';
}

function followUp(picked: Picked, appointments: readonly Appointment[]): string[] {
  const status = appointments[0]?.status;
  if (status === 'PENDING')
    return [
      `${picked.provider.name} approves each one; I'll tell you.`,
      'Send /mybookings to see them.',
    ];
  if (status === 'AWAITING_PAYMENT')
    return ['Each is held until paid: /mybookings has a Pay button for each.'];
  return ['/mybookings lists each one, to move or cancel it on its own or the whole series.'];
}

/** A Book button pressed again after the series was booked: says so, with a way on. */
export function alreadyBooked(s: SeriesState): TurnResult {
  const text =
    'This series is already booked: that button was pressed before, so nothing was booked twice.';
  return {
    messages: [chatMessage(text, { buttons: [[commandButton('My bookings', 'mybookings')]] })],
    state: s,
  };
}
