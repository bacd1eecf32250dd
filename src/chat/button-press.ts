// Button presses: appointment buttons act at once; command buttons run their command; flow buttons go to the conversation whose
// nonce they carry, and anything stale gets a fresh menu.
import { normalizeTimezone } from '../domain/timezone.ts';
import { continueBooking, startBooking } from './booking-flow.ts';
import { type ButtonData, parseButtonData } from './button-data.ts';
import type { ConversationState } from './conversation-state.ts';
import { onHoldButton } from './hold-buttons.ts';
import { continueMyBookings } from './my-bookings.ts';
import { actOnAppointment } from './provider-actions.ts';
import { continueSeries, repeatWeekly } from './series-flow.ts';
import { COMMON_TIMEZONES } from './timezone-answer.ts';
import { answerTimezone, askTimezone } from './timezone-flow.ts';
import { isClientTurn, type Turn, type TurnResult } from './turn.ts';
import { continueWaitChoice } from './waitlist-choice.ts';
import { joinFromBooking } from './waitlist-join.ts';
import { removeListed } from './waitlist-list.ts';
import { onOfferButton } from './waitlist-offer-press.ts';

/** Handles the button whose data is `raw`; `text` is what the platform let the user type with it. */
export async function onAction(
  turn: Turn,
  raw: string,
  text: string | null,
  state: ConversationState | null,
): Promise<TurnResult> {
  const data = parseButtonData(raw);
  if (data === null) return stale(turn);
  // A command button runs its command through the registry, as if it had been sent.
  if (data.kind === 'command')
    return { messages: [], state, resume: { turn, command: data.command, args: data.args } };
  if (data.kind === 'hold') {
    return { messages: await onHoldButton(turn, data.verb, data.appointmentId), state };
  }
  if (data.kind === 'appointment') {
    return { messages: await actOnAppointment(turn, data.verb, data.appointmentId, text), state };
  }
  if (data.kind === 'offer') return onOfferButton(turn, data.verb, data.offerId, state);
  if (state === null || state.nonce !== data.nonce) return stale(turn);
  const next = await continueFlow(turn, state, data);
  return next ?? stale(turn);
}

async function continueFlow(
  turn: Turn,
  state: ConversationState,
  data: Extract<ButtonData, { kind: 'flow' }>,
): Promise<TurnResult | null> {
  // Repeat weekly on a new booking's summary turns its time into a weekly series.
  if (state.kind === 'booking' && data.action === 'rw') {
    return isClientTurn(turn) ? repeatWeekly(turn, state) : null;
  }
  switch (state.kind) {
    case 'timezone': {
      const zone =
        data.action === 'tz' && data.index !== null ? COMMON_TIMEZONES[data.index] : null;
      const valid = zone ? normalizeTimezone(zone) : null;
      return valid ? answerTimezone(turn, valid, state.pending) : null;
    }
    case 'booking':
      if (!isClientTurn(turn)) return null;
      return data.action === 'wl'
        ? joinFromBooking(turn, state)
        : continueBooking(turn, state, data);
    case 'mybookings':
      return isClientTurn(turn) ? continueMyBookings(turn, state, data) : null;
    case 'series':
      return isClientTurn(turn) ? continueSeries(turn, state, data) : null;
    case 'waitlist':
      if (!isClientTurn(turn)) return null;
      return data.action === 'wr'
        ? removeListed(turn, state, data)
        : continueWaitChoice(turn, state, data);
  }
}

/** A button this engine cannot place: say so and offer a fresh /book. */
function stale(turn: Turn): Promise<TurnResult> | TurnResult {
  const expired = turn.t.t('commands.staleMenu');
  if (isClientTurn(turn)) return startBooking(turn, '', [expired]);
  return askTimezone(turn.t, { command: 'book', args: '' }, [expired]);
}
