// Where the web chat's DMs wait for a browser, handed in by main.ts so bots/ never reads the database.
import type { ChatMessage } from '../chat/chat-types.ts';

/** One kept DM and its place in its user's inbox: seq counts up from 1 per user. */
export type StoredWebDm = { readonly seq: number; readonly message: ChatMessage };

/** Durable per-user inboxes shared by every app instance. */
export type WebInboxStore = {
  /** Appends `message` as the user's next seq; drops the user's oldest and all stale DMs. */
  append(userId: string, message: ChatMessage): Promise<void>;
  /** The user's DMs with seq above `afterSeq`, oldest first, at most `limit`. */
  after(userId: string, afterSeq: number, limit: number): Promise<StoredWebDm[]>;
};
