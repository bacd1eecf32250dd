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

/**
 * Scans `calls` (a fake's record, appended to as calls are answered) every few milliseconds.
 * `replyOf` names the chat and arrival time of a call that is a reply, else null. The scan
 * interval only delays the bench user's next click; the figures use the fake's own arrival times.
 */
export function watchReplies<T>(
  calls: readonly T[],
  replyOf: (call: T) => { chat: string; at: number } | null,
): ReplyWatch {
  const byChat = new Map<string, number[]>();
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
  };
  const timer = setInterval(scan, 2);
  return {
    count: (chat) => {
      scan();
      return byChat.get(chat)?.length ?? 0;
    },
    async waitFor(chat, from, n, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        scan();
        const list = byChat.get(chat) ?? [];
        // Arrival order may differ from record order by a millisecond: sort what this turn got.
        if (list.length >= from + n) return list.slice(from, from + n).sort((a, b) => a - b);
        if (Date.now() > deadline) return null;
        await new Promise((r) => setTimeout(r, 2));
      }
    },
    stop: () => clearInterval(timer),
  };
}
