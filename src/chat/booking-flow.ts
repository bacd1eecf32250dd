// /book: provider -> service -> day -> time -> confirm, and the same day -> time -> confirm to move
// an existing appointment. Each step stores what its buttons point at; words given with /book
// settle steps ahead, and the flow jumps to the first step they leave open.
import type { Translator } from '../i18n/translator.ts';
import { advance } from './booking-advance.ts';
import { end } from './booking-reply.ts';
import { type BookingWords, readBookingWords } from './booking-words.ts';
import type { ButtonData } from './button-data.ts';
import { formatDayLong } from './chat-format.ts';
import { confirm, showBooked } from './confirm-booking.ts';
import { type BookingState, type Hints, NO_HINTS } from './conversation-state.ts';
import { freshState } from './new-booking-state.ts';
import { settleWords } from './settle-booking-words.ts';
import type { ClientTurn, TurnResult } from './turn.ts';
import { hintsOf, wishText } from './words/time-wish.ts';

const PAGED_STEPS = new Set<BookingState['step']>(['provider', 'service', 'day', 'time']);

/** Starts /book, reading `args` ('massage with Anna tomorrow after 3pm') when there are any. */
export async function startBooking(
  turn: ClientTurn,
  args: string,
  lead: string[] = [],
): Promise<TurnResult> {
  let state = freshState({});
  if (args.trim().length > 0) {
    const hints = readBookingWords(turn.t, args, turn.client.timezone, turn.now);
    const { matched, ...settled } = await settleWords(turn, hints);
    state = { ...state, hints, ...settled };
    const names = hints.words;
    if (names.length > 0 && !matched) lead.push(missText(turn.t, names, hints));
  }
  return advance(turn, state, lead);
}

/** Words that named nobody: say so, and that what the other words settled is kept. */
function missText(t: Translator, names: readonly string[], hints: Hints): string {
  const wish = hints.time;
  const kept = [hints.day && formatDayLong(t, hints.day), wish && wishText(t, wish)];
  const said = kept.filter((k): k is string => typeof k === 'string');
  const words = names.join(' ');
  if (said.length === 0) return t.t('booking.noMatch', { words });
  return t.t('booking.noMatchKept', { words, kept: said.join(', ') });
}

/**
 * Starts moving the client's appointment (already checked to be theirs), to the day and time
 * `hints` name when they do ('move my booking to Friday').
 */
export async function startReschedule(
  turn: ClientTurn,
  appointment: { id: string; providerId: string; serviceId: string },
  lead: string[],
  hints: Hints = NO_HINTS,
): Promise<TurnResult> {
  const state = freshState({
    hints,
    appointmentId: appointment.id,
    step: 'day',
    providerId: appointment.providerId,
    serviceId: appointment.serviceId,
  });
  return advance(turn, state, lead);
}

/**
 * A day or time typed in the middle of a booking whose provider and service are settled ('friday',
 * 'at 11', 'afternoon'): the flow goes on from it. Null when the words name neither.
 */
export function reviseBooking(
  turn: ClientTurn,
  s: BookingState,
  read: BookingWords,
): Promise<TurnResult> | null {
  if (s.providerId === null || s.serviceId === null) return null;
  if (read.day === null && read.wish === null) return null;
  const hints = hintsOf(s.hints.words, read.day, read.wish);
  const day = read.day === null ? s.day : null;
  return advance(turn, { ...s, page: 0, day, start: null, hints }, []);
}

/**
 * The next step after a button of this flow; null when the button does not fit the step it
 * claims (stale), so the caller restarts politely.
 */
export async function continueBooking(
  turn: ClientTurn,
  s: BookingState,
  data: Extract<ButtonData, { kind: 'flow' }>,
): Promise<TurnResult | null> {
  const picked = (step: BookingState['step']) =>
    s.step === step && data.index !== null ? (s.options[data.index] ?? null) : null;
  const fresh = { page: 0, start: null } as const;
  switch (data.action) {
    case 'pv': {
      const id = picked('provider');
      return id
        ? advance(turn, { ...s, ...fresh, providerId: id, serviceId: null, day: null }, [])
        : null;
    }
    case 'sv': {
      const id = picked('service');
      return id ? advance(turn, { ...s, ...fresh, serviceId: id, day: null }, []) : null;
    }
    case 'dy': {
      const day = picked('day');
      return day ? advance(turn, { ...s, ...fresh, day }, []) : null;
    }
    case 'tm': {
      const start = picked('time');
      return start ? advance(turn, { ...s, page: 0, start }, []) : null;
    }
    case 'nx':
    case 'pp':
      if (!PAGED_STEPS.has(s.step)) return null;
      return advance(
        turn,
        { ...s, page: Math.max(0, s.page + (data.action === 'nx' ? 1 : -1)) },
        [],
      );
    case 'od':
      if (s.step !== 'time' && s.step !== 'confirm') return null;
      return advance(
        turn,
        { ...s, ...fresh, day: null, hints: { ...s.hints, day: null, time: null } },
        [],
      );
    case 'ok':
      if (s.step === 'confirm') return confirm(turn, s);
      return s.step === 'done' && s.bookedId ? showBooked(turn, s, s.bookedId) : null;
    case 'no':
      if (s.step === 'done') return null;
      return end(turn.t.t(s.appointmentId ? 'booking.moveKept' : 'booking.cancelled'));
    default:
      // Buttons of other flows (time zone, /mybookings) carrying this nonce.
      return null;
  }
}
