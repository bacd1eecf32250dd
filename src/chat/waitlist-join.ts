// Joining the waitlist: by words ('tell me if something opens on Friday morning', /waitlist friday)
// or by the booking flow's "Tell me if a time opens" button; asks who and what when unsaid.
import { joinWaitlist } from '../waitlist/join-waitlist.ts';
import { activeProvider, activeServices } from './chat-catalog.ts';
import { chatMessage, commandButton } from './chat-message.ts';
import type { BookingState, ConversationState, WaitWish } from './conversation-state.ts';
import { settleWords } from './settle-booking-words.ts';
import type { ClientTurn, TurnResult } from './turn.ts';
import { chooseWaitProvider } from './waitlist-choice.ts';
import { freeNowFor } from './waitlist-free-now.ts';
import { waitWhen } from './waitlist-lines.ts';
import { showWaitlist } from './waitlist-list.ts';
import { readWaitWords } from './waitlist-words.ts';
import { hintsOf } from './words/time-wish.ts';

const ASK_FOR_DAYS =
  'Tell me the days to watch, for example "tell me if something opens on Friday morning" or "/waitlist next week".';

/** The provider and service settled so far (null: still to choose), and the choice left. */
export type WaitTarget = {
  readonly providerId: string | null;
  readonly serviceId: string | null;
  readonly candidates: readonly string[] | null;
};

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
  const read = readWaitWords(words, turn.client.timezone, turn.now);
  const booking = state?.kind === 'booking' && state.appointmentId === null ? state : null;
  const wish =
    read.fromDate && read.toDate
      ? { fromDate: read.fromDate, toDate: read.toDate, partOfDay: read.partOfDay }
      : wishOfBooking(booking, read.partOfDay);
  if (wish === null) return showWaitlist(turn, [ASK_FOR_DAYS]);
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

/**
 * Puts the client on the provider's waitlist for the service and `wish`, and confirms it; a
 * provider or service gone meanwhile, or days already past, get a plain answer with a way on.
 */
export async function joinAndConfirm(
  turn: ClientTurn,
  providerId: string,
  serviceId: string,
  wish: WaitWish,
): Promise<TurnResult> {
  const joined = await joinWaitlist(
    turn.deps.db,
    { clientId: turn.client.id, providerId, serviceId, ...wish, timezone: turn.client.timezone },
    turn.now,
  );
  const book = commandButton('Book', 'book', 'primary');
  if (!joined.ok) {
    const why =
      joined.code === 'NOT_FOUND'
        ? 'That provider or service is not taking bookings any more.'
        : `I can't wait for ${waitWhen(wish)}: those days are past or too far apart (two months at most).`;
    return {
      messages: [chatMessage(`${why} Send /book to pick a time.`, { buttons: [[book]] })],
      state: null,
    };
  }
  const provider = await activeProvider(turn.deps.db, providerId);
  const service = (await activeServices(turn.deps.db, providerId)).find((x) => x.id === serviceId);
  const what = `${service?.name ?? 'An appointment'} with ${provider?.name ?? 'your provider'}`;
  const text = `You're on the waitlist for ${what} on ${waitWhen(wish)}. I'll message you if a time opens; /waitlist shows or removes it.`;
  const mine = commandButton('My waitlist', 'waitlist');
  // Waiting for what is free already would only bring an offer of it: say so.
  if (await freeNowFor(turn, { providerId, serviceId }, wish)) {
    const now = `${text}\nThere is a free time then right now: send /book to take it.`;
    return { messages: [chatMessage(now, { buttons: [[book, mine]] })], state: null };
  }
  return { messages: [chatMessage(text, { buttons: [[mine]] })], state: null };
}
