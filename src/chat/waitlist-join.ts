// Joins the waitlist by words ('/waitlist friday morning') or from a booking step's button.
import type { BookingState, ConversationState, WaitWish } from './conversation-state.ts';
import { settleWords } from './settle-booking-words.ts';
import type { ClientTurn, TurnResult } from './turn.ts';
import { chooseWaitProvider } from './waitlist-choice.ts';
import { joinAndConfirm, type WaitTarget } from './waitlist-confirm.ts';
import { showWaitlist } from './waitlist-list.ts';
import { readWaitWords } from './waitlist-words.ts';
import { hintsOf } from './words/time-wish.ts';

/**
 * Joins by words typed at `turn.now`: the days and part of the day they name (else the day the
 * booking flow in `state` is on), the provider and service they name (else the flow's). With no
 * day at all it shows the list and how to name days.
 */
export async function joinByWords(
  turn: ClientTurn,
  words: string,
  state: ConversationState | null,
): Promise<TurnResult> {
  const read = readWaitWords(turn.t, words, turn.client.timezone, turn.now);
  const booking = state?.kind === 'booking' && state.appointmentId === null ? state : null;
  const wish =
    read.fromDate && read.toDate
      ? { fromDate: read.fromDate, toDate: read.toDate, partOfDay: read.partOfDay }
      : wishOfBooking(booking, read.partOfDay);
  if (wish === null) return showWaitlist(turn, [turn.t.t('waitlist.askForDays')]);
  const named = await settleWords(turn, hintsOf(read.words, null, null));
  const target: WaitTarget =
    named.matched || booking === null
      ? named
      : {
          providerId: booking.providerId,
          serviceId: booking.serviceId,
          candidates: booking.candidates,
        };
  return joinTarget(turn, target, wish);
}

/** The booking flow's "Tell me if a time opens": waits for what the flow found no time for. */
export function joinFromBooking(turn: ClientTurn, s: BookingState): Promise<TurnResult> | null {
  if (!s.waitFor) return null;
  const target = { providerId: s.providerId, serviceId: s.serviceId, candidates: s.candidates };
  return joinTarget(turn, target, s.waitFor);
}

/** Joins when provider and service are settled, else asks for the one missing. */
async function joinTarget(
  turn: ClientTurn,
  target: WaitTarget,
  wish: WaitWish,
): Promise<TurnResult> {
  if (target.providerId !== null && target.serviceId !== null) {
    return joinAndConfirm(turn, target.providerId, target.serviceId, wish);
  }
  return chooseWaitProvider(turn, target, wish);
}

/** The day (or the wait a no-times step left) of a booking in progress, or null. */
function wishOfBooking(s: BookingState | null, partOfDay: WaitWish['partOfDay']): WaitWish | null {
  if (s?.waitFor) return s.waitFor;
  const day = s?.day ?? s?.hints.day ?? null;
  return day === null ? null : { fromDate: day, toDate: day, partOfDay };
}
