// Runs the relay round after round with a pause between, never two rounds at once.

import { describeErrorSafely } from '../logging/describe-error-safely.ts';
import type { Logger } from '../ports/logger.ts';

type RelayLoop = { stop(): Promise<void> };

/**
 * Calls `relay` `intervalMs` after the previous round ended, or at once after a round that
 * relayed something (a backlog drains round after round; the relay bounds each one). A failed
 * round is logged and the next one tries again (the cursor only moves on success). stop() waits
 * for a running round.
 */
export function startRelayLoop(
  relay: () => Promise<number>,
  intervalMs: number,
  logger: Logger,
): RelayLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const round = async (): Promise<number> => {
    try {
      return await relay();
    } catch (err) {
      logger.warn({ err: describeErrorSafely(err) }, 'outbox relay round failed');
      return 0;
    }
  };
  const next = (relayed: number) => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        running = round().then(next);
      },
      relayed > 0 ? 0 : intervalMs,
    );
  };
  next(0);
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
