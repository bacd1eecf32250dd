// Plain typed text: the answer to the time zone question, a request in plain words ('book a
// massage tomorrow at 10', 'cancel my appointment'), or, in the middle of a flow, a new day or
// time for the booking or the way on.
import { reviseBooking } from './booking-flow.ts';
import type { ConversationState } from './conversation-state.ts';
import { advanceSeries } from './series-advance.ts';
import { typedOccurrences } from './series-typed-count.ts';
import { matchTimezone } from './timezone-answer.ts';
import { answerTimezone, askTimezone } from './timezone-flow.ts';
import { isClientTurn, type Turn, type TurnResult } from './turn.ts';
import { greeting, keep, pendingOf } from './turn-replies.ts';
import { onwardMessage } from './words/can-do.ts';
import { answerPlainWords, pendingFor, readRequest } from './words/plain-words.ts';

/** Answers `text`: the time zone while one is wanted, else what the words ask for. */
export async function onText(
  turn: Turn,
  text: string,
  state: ConversationState | null,
): Promise<TurnResult> {
  if (state?.kind === 'timezone' || (turn.client === null && turn.identity.providerId === null)) {
    return beforeTimezone(turn, text, state);
  }
  const request = readRequest(turn, text);
  const inFlow = state !== null && !(state.kind === 'booking' && state.step === 'done');
  // A new request in the middle of a flow starts it: the person changed their mind.
  if (!inFlow || request.explicit) return answerPlainWords(turn, text, request, state);
  if (state.kind === 'booking' && isClientTurn(turn)) {
    const revised = await reviseBooking(turn, state, request.read);
    if (revised) return revised;
  }
  if (state.kind === 'series' && state.step === 'weeks' && isClientTurn(turn)) {
    const occurrences = typedOccurrences(text, state);
    if (occurrences !== null) return advanceSeries(turn, { ...state, occurrences }, []);
  }
  return keep(state, onwardMessage(turn.t));
}

/**
 * Before the time zone is known: a request in words is kept (to resume once the zone is
 * answered), a city or zone answers the question, anything else asks again.
 */
function beforeTimezone(
  turn: Turn,
  text: string,
  state: ConversationState | null,
): Promise<TurnResult> | TurnResult {
  const asked = state?.kind === 'timezone';
  const request = readRequest(turn, text);
  const wanted = request.explicit || request.read.day !== null ? request.intent : null;
  const pending = pendingFor(wanted, request);
  if (pending !== null) {
    const lead = asked ? turn.t.t('commands.afterTimezone') : greeting(turn);
    return askTimezone(turn.t, pending, [lead]);
  }
  const zone = matchTimezone(text);
  if (zone) return answerTimezone(turn, zone, pendingOf(state));
  if (request.intent === 'help' || request.intent === 'greet') {
    return { messages: [], state, resume: { turn, command: 'help', args: '' } };
  }
  const lead = asked
    ? turn.t.t('commands.unknownZone', { text: text.slice(0, 40) })
    : greeting(turn);
  return askTimezone(turn.t, pendingOf(state), [lead]);
}
