// /book: provider -> service -> day -> time -> confirm, and the same day -> time -> confirm to move
// an existing appointment. Each step stores what its buttons point at; words given with /book
// settle steps ahead, and the flow jumps to the first step they leave open.
import { advance } from './booking-advance.ts';
import { end } from './booking-reply.ts';
import { readBookingWords } from './booking-words.ts';
import type { ButtonData } from './button-data.ts';
import { confirm, showBooked } from './confirm-booking.ts';
import type { BookingState } from './conversation-state.ts';
import { freshState } from './new-booking-state.ts';
import { settleWords } from './settle-booking-words.ts';
import type { ClientTurn, TurnResult } from './turn.ts';

const PAGED_STEPS = new Set<BookingState['step']>(['provider', 'service', 'day', 'time']);

/** Starts /book, reading `args` ('massage with Anna tomorrow after 3pm') when there are any. */
export async function startBooking(
  turn: ClientTurn,
  args: string,
  lead: string[] = [],
): Promise<TurnResult> {
  let state = freshState({});
  if (args.trim().length > 0) {
    const hints = readBookingWords(args, turn.client.timezone, turn.now);
    const { matched, ...settled } = await settleWords(turn, hints);
    state = { ...state, hints, ...settled };
    if (hints.words.length > 0 && !matched) {
      lead.push(`I found no provider or service matching "${hints.words.join(' ')}".`);
    }
  }
  return advance(turn, state, lead);
}

/** Starts moving the client's appointment `appointmentId` (already checked to be theirs). */
export async function startReschedule(
  turn: ClientTurn,
  appointment: { id: string; providerId: string; serviceId: string },
  lead: string[],
): Promise<TurnResult> {
  const state = freshState({
    appointmentId: appointment.id,
    step: 'day',
    providerId: appointment.providerId,
    serviceId: appointment.serviceId,
  });
  return advance(turn, state, lead);
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
      return end(
        s.appointmentId
          ? 'OK, your appointment stays as it was.'
          : 'Cancelled: nothing was booked. Send /book to start again.',
      );
    default:
      // Buttons of other flows (time zone, /mybookings) carrying this nonce.
      return null;
  }
}
