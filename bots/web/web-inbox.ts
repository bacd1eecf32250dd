// Web chat mailboxes over a WebInboxStore: DMs wait there until a browser polls for them.
import { randomBytes } from 'node:crypto';
import type { ChatMessage } from '../../src/chat/chat-types.ts';
import type { StoredWebDm, WebInboxStore } from '../../src/ports/web-inbox-store.ts';
import { createMemoryInboxStore } from './memory-inbox-store.ts';

/** What a poll returns: the items after the cursor and the cursor to send next time. */
type InboxPage = { readonly items: readonly StoredWebDm[]; readonly cursor: string };

export type WebInbox = {
  /** Queues `message` for the user's browser; resolves with its seq. */
  push(userId: string, message: ChatMessage): Promise<number>;
  /** Queues `message` in place of the DM at `seq` (a browser showing that one swaps it). */
  edit(userId: string, seq: number, message: ChatMessage): Promise<void>;
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

/**
 * Where the inbox keeps DMs, and the epoch its cursors carry: a cursor of another epoch (a
 * memory store's earlier process) counts as "from the start". A durable store keeps one epoch.
 */
export type InboxBackend = { readonly store: WebInboxStore; readonly epoch: string };

/** The epoch of a store that outlives processes (the database's). */
export const DURABLE_EPOCH = 'db';
/** How often a waiting read looks again for DMs another instance wrote. */
const POLL_MS = 500;
const PAGE = 50;
const CURSOR = /^([0-9a-f]{16}|db)\.(\d{1,15})$/;

/** A process-local backend: DMs are lost on restart and not shared between instances. */
export function memoryBackend(store: WebInboxStore = createMemoryInboxStore()): InboxBackend {
  return { store, epoch: randomBytes(8).toString('hex') };
}

/**
 * Items stay after a read rather than being consumed, so a poll the browser abandons mid-way
 * loses nothing; the browser acknowledges by sending the returned cursor. A waiting read wakes
 * at once for a push on this instance and looks every `pollMs` for one from another.
 */
export function createWebInbox(
  backend: InboxBackend = memoryBackend(),
  pollMs = POLL_MS,
): WebInbox {
  const { store, epoch } = backend;
  const waiters = new Map<string, Set<() => void>>();
  let closed = false;

  async function push(userId: string, message: ChatMessage): Promise<number> {
    const seq = await store.append(userId, message);
    for (const wake of waiters.get(userId) ?? []) wake();
    return seq;
  }

  async function edit(userId: string, seq: number, message: ChatMessage): Promise<void> {
    await store.append(userId, message, seq);
    for (const wake of waiters.get(userId) ?? []) wake();
  }

  async function read(userId: string, cursor: string | null, waitMs: number, signal?: AbortSignal) {
    const from = startOf(cursor, epoch);
    let items = await store.after(userId, from, PAGE);
    for (let waited = 0; items.length === 0 && waited < waitMs; waited += pollMs) {
      if (closed || signal?.aborted) break;
      await waitForPush(waiters, userId, Math.min(pollMs, waitMs - waited), signal);
      items = await store.after(userId, from, PAGE);
    }
    return { items, cursor: `${epoch}.${items.at(-1)?.seq ?? from}` };
  }

  function close(): void {
    closed = true;
    for (const set of waiters.values()) for (const wake of set) wake();
    waiters.clear();
  }

  return { push, edit, read, close };
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
