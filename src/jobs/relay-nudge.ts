// Runs the outbox relay right after a change instead of waiting for its next round.

import { describeErrorSafely } from '../logging/describe-error-safely.ts';
import type { Logger } from '../ports/logger.ts';

/**
 * A nudge that starts one relay pass and returns at once, so a chat reply or HTTP response
 * never waits on the relay's cursor lock. Nudges during a pass coalesce into one more pass.
 * Faults are logged and left to the relay loop, which retries every round; never throws.
 */
export function createRelayNudge(
  relay: () => Promise<number>,
  logger: Logger,
): () => Promise<void> {
  let running = false;
  let again = false;
  const run = async () => {
    running = true;
    try {
      do {
        again = false;
        await relay();
      } while (again);
    } catch (error) {
      logger.warn(
        { err: describeErrorSafely(error) },
        'relay nudge failed; the relay loop will retry',
      );
    } finally {
      running = false;
    }
  };
  return async () => {
    if (running) {
      again = true;
      return;
    }
    void run();
  };
}
