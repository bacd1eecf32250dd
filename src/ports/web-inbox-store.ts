// Where the web chat's DMs wait for a browser, handed in by main.ts so bots/ never reads the database.
import type { ChatMessage } from '../chat/chat-types.ts';

/**
 * One kept DM and its place in its user's inbox: seq counts up from 1 per user. An edit is kept
 * as a DM of its own whose `replaces` names the seq of the DM it replaces on the page.
 */
export type StoredWebDm = {
  readonly seq: number;
  readonly message: ChatMessage;
  readonly replaces?: number;
};

/** Durable per-user inboxes shared by every app instance. */
export type WebInboxStore = {
  /**
   * Appends `message` as the user's next seq (resolved with it), with `replaces` when it edits
   * an earlier DM; drops the user's oldest and all stale DMs.
   */
  append(userId: string, message: ChatMessage, replaces?: number): Promise<number>;
  /** The user's DMs with seq above `afterSeq`, oldest first, at most `limit`. */
  after(userId: string, afterSeq: number, limit: number): Promise<StoredWebDm[]>;
};
