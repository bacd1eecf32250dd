// Small replies the engine's routers share: the greeting, keeping the state, the pending command.
import type { ChatMessage } from './chat-types.ts';
import type { ConversationState } from './conversation-state.ts';
import type { Pending } from './timezone-flow.ts';
import type { Turn, TurnResult } from './turn.ts';

/** The command waiting for the time zone answer, if the conversation is asking for one. */
export function pendingOf(state: ConversationState | null): Pending {
  return state?.kind === 'timezone' ? state.pending : null;
}

/** First words to someone the engine does not know as a client yet, in their language. */
export function greeting(turn: Turn): string {
  return turn.t.t('commands.greeting', { name: turn.identity.displayName });
}

/** One reply that leaves the conversation where it was. */
export function keep(state: ConversationState | null, message: ChatMessage): TurnResult {
  return { messages: [message], state };
}
