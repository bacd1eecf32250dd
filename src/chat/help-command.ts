// /start and /help: what the bot does; someone new is asked their time zone right after.
import { chatMessage } from './chat-message.ts';
import { serverSettings } from './command-settings.ts';
import type { ConversationState } from './conversation-state.ts';
import { clientHelp, providerHelp } from './help-text.ts';
import { askTimezone } from './timezone-flow.ts';
import type { Turn, TurnResult } from './turn.ts';
import { keep, pendingOf } from './turn-replies.ts';

/**
 * The help for who is asking, in their language, listing only the commands this server runs; a
 * stranger (no client, no provider) is greeted and also gets the time zone question.
 */
export function showHelp(turn: Turn, _args: string, state: ConversationState | null): TurnResult {
  const isProvider = turn.identity.providerId !== null;
  const settings = serverSettings(turn.deps);
  if (turn.client === null && !isProvider) {
    const greeted = clientHelp(turn.t, settings, turn.identity.displayName);
    return askTimezone(turn.t, pendingOf(state), [greeted, '']);
  }
  const help = isProvider ? providerHelp(turn.t, settings) : clientHelp(turn.t, settings);
  return keep(state, chatMessage(help));
}
