// Long polling: grammY's loop in the background, started and stopped with the adapter.

import type { Bot } from 'grammy';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import type { Logger } from '../../src/ports/logger.ts';
import { ALLOWED_UPDATES, type UpdateRunner } from './update-runner.ts';

/**
 * Creates the polling runner. start() resolves once the webhook is removed and the first
 * getUpdates is about to go out, and rejects if that setup fails (bad token: 401). A loop that
 * dies later (another instance polling: 409) is logged. stop() ends the current poll, confirms the
 * offset and waits for the update in hand to finish.
 */
export function createPollingRunner(
  bot: Bot,
  logger: Logger,
  pollTimeoutSeconds: number,
): UpdateRunner {
  let loop: Promise<void> | null = null;
  return {
    mount: () => {},
    start: () =>
      new Promise<void>((resolve, reject) => {
        let started = false;
        loop = bot
          .start({
            allowed_updates: ALLOWED_UPDATES,
            timeout: pollTimeoutSeconds,
            onStart: () => {
              started = true;
              resolve();
            },
          })
          .catch((error: unknown) => {
            if (!started) reject(error);
            else logger.error({ err: describeErrorSafely(error) }, 'telegram polling stopped');
          });
      }),
    stop: async () => {
      if (bot.isRunning()) await bot.stop();
      await loop;
      loop = null;
    },
  };
}
