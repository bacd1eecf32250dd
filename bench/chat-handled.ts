// Wraps the chat handler to count what the engine was given: per update (duplicates) and per user.
import type { ChatHandler } from '../bots/bot-adapter.ts';
import type { ChatDeps } from '../src/chat/chat-deps.ts';
import type { ChatEvent, ChatMessage, Messenger } from '../src/chat/chat-types.ts';
import type { Database } from '../src/db/database.ts';

export type HandledLog = {
  readonly handle: ChatHandler;
  /** Resolves with the reply count of `user`'s `nth` handled event (1-based); null on timeout. */
  replies(user: string, nth: number, timeoutMs: number): Promise<number | null>;
  /** Deliveries of one update beyond its first, all told. */
  duplicates(): number;
  /** How long the engine took for each event, in ms: the share of the round trip that is not I/O. */
  engineMs(): readonly number[];
};

/**
 * Records every event `inner` handles. A user's events are numbered in the order their handling
 * finished, which is the order they were sent, since each bench user waits for its replies.
 */
export function logHandled(inner: ChatHandler): HandledLog {
  const perUpdate = new Map<string, number>();
  const perUser = new Map<string, number[]>();
  const waiters = new Set<() => void>();
  const engineMs: number[] = [];
  const handle = async (event: ChatEvent): Promise<ChatMessage[]> => {
    perUpdate.set(event.updateId, (perUpdate.get(event.updateId) ?? 0) + 1);
    const started = performance.now();
    const replies = await inner(event);
    engineMs.push(performance.now() - started);
    const counts = perUser.get(event.user.platformUserId) ?? [];
    counts.push(replies.length);
    perUser.set(event.user.platformUserId, counts);
    for (const wake of [...waiters]) wake();
    return replies;
  };
  return {
    handle,
    async replies(user, nth, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const count = perUser.get(user)?.[nth - 1];
        if (count !== undefined) return count;
        const left = deadline - Date.now();
        if (left <= 0) return null;
        await new Promise<void>((resolve) => {
          const wake = () => {
            clearTimeout(timer);
            waiters.delete(wake);
            resolve();
          };
          const timer = setTimeout(wake, left);
          waiters.add(wake);
        });
      }
    },
    duplicates: () => [...perUpdate.values()].reduce((sum, n) => sum + n - 1, 0),
    engineMs: () => engineMs,
  };
}

/**
 * The engine's deps as the composition root builds them, less the job queue: the relay nudge
 * there returns at once (the notices go out through pg-boss), so here it does nothing.
 */
export function chatDepsFor(db: Database, messenger: Messenger): ChatDeps {
  const quiet = { info: () => {}, warn: () => {}, error: () => {} };
  return { db, messenger, noShowLockoutDays: 30, logger: quiet, relayChanges: async () => {} };
}
