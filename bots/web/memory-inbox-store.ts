// A process-local WebInboxStore for tests and a server without the database's store.
import type { ChatMessage } from '../../src/chat/chat-types.ts';
import type { StoredWebDm, WebInboxStore } from '../../src/ports/web-inbox-store.ts';

type MemoryInboxLimits = { readonly maxPerUser: number; readonly maxUsers: number };

const DEFAULT_LIMITS: MemoryInboxLimits = { maxPerUser: 50, maxUsers: 1000 };

/**
 * Keeps the last `maxPerUser` DMs of the `maxUsers` most recently written users; lost on restart
 * and not shared between instances.
 */
export function createMemoryInboxStore(limits: MemoryInboxLimits = DEFAULT_LIMITS): WebInboxStore {
  const boxes = new Map<string, { seq: number; items: StoredWebDm[] }>();
  return {
    append(userId: string, message: ChatMessage, replaces?: number): Promise<number> {
      const box = boxes.get(userId) ?? { seq: 0, items: [] };
      const seq = box.seq + 1;
      // Re-inserting keeps Map order = least recently written first, for eviction.
      boxes.delete(userId);
      const item = replaces === undefined ? { seq, message } : { seq, message, replaces };
      boxes.set(userId, { seq, items: [...box.items, item].slice(-limits.maxPerUser) });
      for (const [oldest] of boxes) {
        if (boxes.size <= limits.maxUsers) break;
        boxes.delete(oldest);
      }
      return Promise.resolve(seq);
    },
    after(userId: string, afterSeq: number, limit: number): Promise<StoredWebDm[]> {
      const items = boxes.get(userId)?.items ?? [];
      return Promise.resolve(items.filter((item) => item.seq > afterSeq).slice(0, limit));
    },
  };
}
