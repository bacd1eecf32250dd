// One event being handled: who, when, and what a handler gives back.
import type { Client } from '../domain/catalog.ts';
import type { Translator } from '../i18n/translator.ts';
import type { ChatDeps } from './chat-deps.ts';
import type { Identity } from './chat-identity.ts';
import type { ChatMessage, ChatUser } from './chat-types.ts';
import type { ConversationState } from './conversation-state.ts';

export type Turn = {
  readonly deps: ChatDeps;
  readonly now: Date;
  readonly user: ChatUser;
  readonly identity: Identity;
  /** Null until the time zone is known: the clients row is made with it. */
  readonly client: Client | null;
  /** Speaks the user's language: their choice, else their platform's, else DEFAULT_LANGUAGE. */
  readonly t: Translator;
};

export type ClientTurn = Turn & { readonly client: Client };

/** The replies, and the conversation state to keep (null: none). */
export type TurnResult = {
  readonly messages: ChatMessage[];
  readonly state: ConversationState | null;
  /**
   * A command to run next in the same turn, as `turn` (which may know more than the first one,
   * e.g. the client made by answering the time zone question); its replies follow `messages`
   * and its state replaces `state`.
   */
  readonly resume?: { readonly turn: Turn; readonly command: string; readonly args: string };
};

export function isClientTurn(turn: Turn): turn is ClientTurn {
  return turn.client !== null;
}
