// /start and /help: what the bot does; someone new is asked their time zone right after.
import { chatMessage } from './chat-message.ts';
import type { ConversationState } from './conversation-state.ts';
import { clientHelp, providerHelp } from './help-text.ts';
import { askTimezone } from './timezone-flow.ts';
import type { Turn, TurnResult } from './turn.ts';
import { greeting, keep, pendingOf } from './turn-replies.ts';

/** The help for who is asking; a stranger (no client, no provider) also gets the time zone question. */
export function showHelp(turn: Turn, _args: string, state: ConversationState | null): TurnResult {
  const isProvider = turn.identity.providerId !== null;
  const help = isProvider ? providerHelp() : clientHelp();
  if (turn.client === null && !isProvider) {
    return askTimezone(pendingOf(state), [greeting(turn), help, '']);
  }
  return keep(state, chatMessage(help));
}
