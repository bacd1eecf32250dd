// /waitlist: alone, the client's entries with Remove buttons; with words ('/waitlist friday
// morning'), joins the waitlist for the days they name.
import type { ConversationState } from './conversation-state.ts';
import type { ClientTurn, TurnResult } from './turn.ts';
import { joinByWords } from './waitlist-join.ts';
import { showWaitlist } from './waitlist-list.ts';

/** Lists the entries, or joins by the words in `args`. */
export function waitlistCommand(
  turn: ClientTurn,
  args: string,
  state: ConversationState | null,
): Promise<TurnResult> {
  return args.trim().length === 0 ? showWaitlist(turn) : joinByWords(turn, args, state);
}
