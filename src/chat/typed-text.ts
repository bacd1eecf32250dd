// Plain typed text: the answer to the time zone question, otherwise a nudge to the buttons or /help.
import { chatMessage } from './chat-message.ts';
import type { ConversationState } from './conversation-state.ts';
import { helpHint } from './help-text.ts';
import { matchTimezone } from './timezone-answer.ts';
import { answerTimezone, askTimezone } from './timezone-flow.ts';
import type { Turn, TurnResult } from './turn.ts';
import { greeting, keep, pendingOf } from './turn-replies.ts';

/** Reads `text` as a time zone while one is wanted; no other step takes typed answers. */
export async function onText(
  turn: Turn,
  text: string,
  state: ConversationState | null,
): Promise<TurnResult> {
  const asked = state?.kind === 'timezone';
  if (asked || (turn.client === null && turn.identity.providerId === null)) {
    const zone = matchTimezone(text);
    if (zone) return answerTimezone(turn, zone, pendingOf(state));
    const lead = asked
      ? `I don't know "${text.slice(0, 40)}" as a city or time zone.`
      : greeting(turn);
    return askTimezone(pendingOf(state), [lead]);
  }
  const inFlow = state !== null && !(state.kind === 'booking' && state.step === 'done');
  if (inFlow) {
    return keep(
      state,
      chatMessage('Please pick one of the buttons above, or send /book to start again.'),
    );
  }
  return keep(state, helpHint());
}
