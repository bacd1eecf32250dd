// Tracks work that runs after Slack has been acknowledged, so shutdown and tests can wait for it.

export type BackgroundWork = {
  /** Runs `task` without blocking the caller; a rejection is passed to `onError`, never thrown. */
  run(task: () => Promise<unknown>, onError: (error: unknown) => void): void;
  /** Resolves once every task started so far (and any they start) has settled. */
  idle(): Promise<void>;
};

/** A set of in-flight promises; idle() loops because finishing tasks may start new ones. */
export function createBackgroundWork(): BackgroundWork {
  const pending = new Set<Promise<void>>();
  return {
    run(task, onError) {
      const settled = Promise.resolve()
        .then(task)
        .then(
          () => undefined,
          (error: unknown) => onError(error),
        )
        .finally(() => pending.delete(settled));
      pending.add(settled);
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
