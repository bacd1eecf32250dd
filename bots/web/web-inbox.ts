// In-memory mailboxes for web chat users: DMs wait here until a browser polls for them.
import { randomBytes } from 'node:crypto';
import type { ChatMessage } from '../../src/chat/chat-types.ts';

/** One delivered DM and its position in the inbox's global sequence. */
type InboxItem = { readonly seq: number; readonly message: ChatMessage };

/** What a poll returns: the items after the cursor and the cursor to send next time. */
type InboxPage = { readonly items: readonly InboxItem[]; readonly cursor: string };

export type WebInbox = {
  push(userId: string, message: ChatMessage): void;
  /** Items after `cursor`; waits up to `waitMs` for one when there are none yet. */
  read(
    userId: string,
    cursor: string | null,
    waitMs: number,
    signal?: AbortSignal,
  ): Promise<InboxPage>;
  /** Ends every pending wait, so a server can close without waiting for long polls. */
  close(): void;
};

export type WebInboxLimits = { readonly maxPerUser: number; readonly maxUsers: number };

const DEFAULT_LIMITS: WebInboxLimits = { maxPerUser: 50, maxUsers: 1000 };
const CURSOR = /^([0-9a-f]{16})\.(\d{1,15})$/;

/**
 * A process-local inbox, fine for a local demo: messages are lost on restart and not shared
 * between instances. Items stay (the last `maxPerUser` per user, the `maxUsers` most recently
 * written users) rather than being removed on read, so a poll the browser abandons mid-way loses
 * nothing; the browser acknowledges by sending the returned cursor. A cursor from an earlier
 * process (another epoch) counts as "from the start".
 */
export function createWebInbox(limits: WebInboxLimits = DEFAULT_LIMITS): WebInbox {
  const epoch = randomBytes(8).toString('hex');
  const boxes = new Map<string, InboxItem[]>();
  const waiters = new Map<string, Set<() => void>>();
  let seq = 0;

  const cursorOf = (at: number) => `${epoch}.${at}`;
  const after = (userId: string, from: number) =>
    (boxes.get(userId) ?? []).filter((item) => item.seq > from);

  function push(userId: string, message: ChatMessage): void {
    seq += 1;
    const box = boxes.get(userId) ?? [];
    // Re-inserting keeps Map order = least recently written first, for eviction.
    boxes.delete(userId);
    boxes.set(userId, [...box, { seq, message }].slice(-limits.maxPerUser));
    for (const [oldest] of boxes) {
      if (boxes.size <= limits.maxUsers) break;
      boxes.delete(oldest);
    }
    for (const wake of waiters.get(userId) ?? []) wake();
  }

  async function read(
    userId: string,
    cursor: string | null,
    waitMs: number,
    signal?: AbortSignal,
  ): Promise<InboxPage> {
    const from = startOf(cursor, epoch);
    if (after(userId, from).length === 0 && waitMs > 0) {
      await waitForPush(waiters, userId, waitMs, signal);
    }
    const items = after(userId, from);
    return { items, cursor: cursorOf(items.at(-1)?.seq ?? Math.max(from, 0)) };
  }

  function close(): void {
    for (const set of waiters.values()) for (const wake of set) wake();
    waiters.clear();
  }

  return { push, read, close };
}

/** True for text `read` accepts as a cursor (any epoch); the edge rejects the rest. */
export function isInboxCursor(text: string): boolean {
  return CURSOR.test(text);
}

function startOf(cursor: string | null, epoch: string): number {
  const match = cursor === null ? null : CURSOR.exec(cursor);
  if (!match || match[1] !== epoch) return 0;
  return Number(match[2]);
}

function waitForPush(
  waiters: Map<string, Set<() => void>>,
  userId: string,
  waitMs: number,
  signal: AbortSignal | undefined,
): Promise<void> {
  return new Promise((resolve) => {
    const set = waiters.get(userId) ?? new Set<() => void>();
    waiters.set(userId, set);
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      set.delete(done);
      if (set.size === 0 && waiters.get(userId) === set) waiters.delete(userId);
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    set.add(done);
    signal?.addEventListener('abort', done);
    if (signal?.aborted) done();
  });
}
