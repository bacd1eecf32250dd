// Follows a fake's call record as it grows and sorts the bot's replies by chat, with arrival times.

export type ReplyWatch = {
  /** Replies that reached the fake in `chat` so far. */
  count(chat: string): number;
  /**
   * Resolves with the arrival times of `chat`'s replies number `from` (0-based) onwards once there
   * are `from + n` of them; null when they are not all there within `timeoutMs`.
   */
  waitFor(chat: string, from: number, n: number, timeoutMs: number): Promise<number[] | null>;
  stop(): void;
};

type Waiter = { chat: string; until: number; deadline: number; wake: (ok: boolean) => void };

/**
 * Scans `calls` (a fake's record, appended to as calls arrive) every millisecond or so, on one
 * timer for all users, so that 50 waiting users cost the bot's event loop next to nothing.
 * `replyOf` names the chat and arrival time of a call that is a reply, else null. The scan
 * interval only delays the user's next click; the figures use the fake's own arrival times.
 */
export function watchReplies<T>(
  calls: readonly T[],
  replyOf: (call: T) => { chat: string; at: number } | null,
): ReplyWatch {
  const byChat = new Map<string, number[]>();
  const waiters = new Set<Waiter>();
  let scanned = 0;
  const scan = () => {
    for (; scanned < calls.length; scanned += 1) {
      const call = calls[scanned];
      const reply = call === undefined ? null : replyOf(call);
      if (reply === null) continue;
      const list = byChat.get(reply.chat) ?? [];
      list.push(reply.at);
      byChat.set(reply.chat, list);
    }
    const now = Date.now();
    for (const w of waiters) {
      const ready = (byChat.get(w.chat)?.length ?? 0) >= w.until;
      if (ready || now > w.deadline) {
        waiters.delete(w);
        w.wake(ready);
      }
    }
  };
  const timer = setInterval(scan, 1);
  return {
    count: (chat) => {
      scan();
      return byChat.get(chat)?.length ?? 0;
    },
    async waitFor(chat, from, n, timeoutMs) {
      const ready = await new Promise<boolean>((wake) => {
        waiters.add({ chat, until: from + n, deadline: Date.now() + timeoutMs, wake });
        scan();
      });
      if (!ready) return null;
      // Arrival order may differ from record order by a millisecond: sort what this turn got.
      const list = byChat.get(chat) ?? [];
      return list.slice(from, from + n).sort((a, b) => a - b);
    },
    stop: () => clearInterval(timer),
  };
}
