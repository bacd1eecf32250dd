// Spaces calls per Slack channel (Slack allows about one message per second per channel).

export type ChannelThrottle = {
  /** Runs `task` once the channel's previous task finished at least `intervalMs` ago. */
  run<T>(channel: string, task: () => Promise<T>): Promise<T>;
};

/**
 * Tasks for one channel run in order, each starting no sooner than `intervalMs` after the previous
 * one settled; other channels are not held up. A failed task does not block the next. Waits use
 * timers, not the wall clock, so a frozen test clock cannot stall them.
 */
export function createChannelThrottle(intervalMs: number): ChannelThrottle {
  const tails = new Map<string, Promise<void>>();
  return {
    run(channel, task) {
      const previous = tails.get(channel) ?? Promise.resolve();
      const result = previous.then(task);
      const tail = result.then(pause, pause).then(() => {
        if (tails.get(channel) === tail) tails.delete(channel);
      });
      tails.set(channel, tail);
      return result;
    },
  };

  function pause(): Promise<void> {
    return intervalMs > 0
      ? new Promise((resolve) => setTimeout(resolve, intervalMs))
      : Promise.resolve();
  }
}
