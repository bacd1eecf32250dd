// /book and plain words that ask for a weekly series ('every Tuesday at 10 for 8 weeks') start the
// series flow; anything else is the one-off booking it always was.
import { startBooking } from './booking-flow.ts';
import { readBookingWords } from './booking-words.ts';
import { newNonce } from './button-data.ts';
import type { SeriesState } from './conversation-state.ts';
import { advanceSeries } from './series-advance.ts';
import { firstStartOf } from './series-first-start.ts';
import { MAX_OCCURRENCES, readSeriesWish } from './series-words.ts';
import { settleWords } from './settle-booking-words.ts';
import type { ClientTurn, TurnResult } from './turn.ts';

/** A series needs a first date and time: the booking flow picks them, its summary repeats them. */
export function pickFirst(turn: ClientTurn): string {
  return turn.t.t('series.pickFirst', { button: turn.t.t('booking.repeatWeekly') });
}

/**
 * /book with `args`: a series when the words ask for one (weekday and time known: straight to
 * the provider, service, count and preview; either missing: the booking flow picks the first
 * date and time), else startBooking.
 */
export async function startBookingWords(turn: ClientTurn, args: string): Promise<TurnResult> {
  const wish = readSeriesWish(turn.t, args);
  if (wish === null) return startBooking(turn, args);
  const lead: string[] = [];
  if (wish.capped) lead.push(turn.t.t('series.capped', { max: MAX_OCCURRENCES }));
  if (wish.weekday === null || wish.minutes === null) {
    return startBooking(turn, wish.rest, [...lead, pickFirst(turn)]);
  }
  const zone = turn.client.timezone;
  const hints = readBookingWords(turn.t, wish.rest, zone, turn.now);
  const { candidates, providerId, serviceId } = await settleWords(turn, hints);
  const s: SeriesState = {
    kind: 'series',
    nonce: newNonce(),
    step: 'provider',
    page: 0,
    options: [],
    candidates,
    providerId,
    serviceId,
    words: hints.words,
    firstStart: firstStartOf(wish.weekday, wish.minutes, zone, turn.now).toISOString(),
    occurrences: wish.occurrences,
    intervalWeeks: wish.intervalWeeks,
    seriesId: null,
  };
  return advanceSeries(turn, s, lead);
}
