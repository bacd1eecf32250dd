// The conversation engine's one entry point: a platform-neutral event in, the replies out.
import { translatorFor } from '../i18n/translator.ts';
import { onAction } from './button-press.ts';
import { onCommand } from './chat-command.ts';
import type { ChatDeps } from './chat-deps.ts';
import { ChatStoreError } from './chat-identity.ts';
import { chatMessage } from './chat-message.ts';
import type { ChatEvent, ChatInput, ChatMessage, ChatUser } from './chat-types.ts';
import { clean, cleanInput, cleanUser } from './clean-chat-event.ts';
import { type ConversationState, saveConversation } from './conversation-state.ts';
import { onInvoicePaid } from './invoice-paid.ts';
import { type OpenedTurn, openTurn } from './open-turn.ts';
import { releaseUpdate } from './processed-updates.ts';
import { applyTimezoneHint } from './timezone-hint.ts';
import type { Turn, TurnResult } from './turn.ts';
import { keepTurnLanguage, turnLanguage } from './turn-language.ts';
import { onText } from './typed-text.ts';

/**
 * Handles one event at `now` and returns the replies to its sender, in order. A reply to a
 * button press replaces the message the button was on (first reply only). A delivery whose
 * (platform, updateId) was already handled returns [] and does nothing. Never throws for user
 * input; a fault (database down) throws an Error and gives the update back, so the platform's
 * retry can do the work.
 */
export async function handleChatEvent(
  deps: ChatDeps,
  event: ChatEvent,
  now: Date,
): Promise<ChatMessage[]> {
  const user = cleanUser(event.user);
  const updateId = clean(event.updateId, 200);
  const opened = await openTurn(deps.db, user, updateId, now, deps.logger);
  if (!opened) return [];
  try {
    return await handleClaimed(deps, user, opened, cleanInput(event.input), now);
  } catch (error) {
    await releaseUpdate(deps.db, user.platform, updateId).catch(() => {});
    throw error instanceof Error
      ? error
      : new ChatStoreError('chat event failed', { cause: error });
  }
}

async function handleClaimed(
  deps: ChatDeps,
  user: ChatUser,
  { identity, client: stored, state, providerLanguage }: OpenedTurn,
  input: ChatInput,
  now: Date,
): Promise<ChatMessage[]> {
  const { db } = deps;
  const t = translatorFor(turnLanguage(deps, user, { identity, client: stored, providerLanguage }));
  // A platform's zone fills a zone the user never chose; it never replaces their choice.
  const { client, note } = await applyTimezoneHint(db, user, identity, stored, now);
  // After the hint, which may have made the client: a new client row gets the language too.
  await keepTurnLanguage(db, { identity, client, providerLanguage }, t.lang);
  const turn: Turn = { deps, now, user, identity, client, t };
  const result = await resumeIfAsked(await route(turn, input, state));
  if (result.state !== null || state !== null) {
    await saveConversation(db, user, result.state, now);
  }
  const fromAction = input.kind === 'action';
  return withNote(result.messages, note?.(turn.t) ?? null).map((m, i) => ({
    ...m,
    replace: fromAction && i === 0,
  }));
}

/** The replies with `note` as the last paragraph of the first (its own message if none). */
function withNote(messages: ChatMessage[], note: string | null): ChatMessage[] {
  if (note === null) return messages;
  const [first, ...rest] = messages;
  if (!first) return [chatMessage(note)];
  return [{ ...first, text: `${first.text}\n\n${note}` }, ...rest];
}

/** Runs the command a result asks to resume (after a time zone answer), once. */
async function resumeIfAsked(result: TurnResult): Promise<TurnResult> {
  if (!result.resume) return result;
  const { turn, command, args } = result.resume;
  const next = await onCommand(turn, command, args, null);
  return { messages: [...result.messages, ...next.messages], state: next.state };
}

async function route(
  turn: Turn,
  input: ChatInput,
  state: ConversationState | null,
): Promise<TurnResult> {
  switch (input.kind) {
    case 'command':
      return onCommand(turn, input.command, input.args, state);
    case 'action':
      return onAction(turn, input.data, input.text, state);
    case 'text':
      return onText(turn, input.text, state);
    case 'invoice-paid':
      // A payment leaves any flow in progress as it was.
      return { messages: await onInvoicePaid(turn, input.payment), state };
  }
}
