// Long polling with grammY's runner: updates run concurrently across chats, in order within one.

import { type RunnerHandle, run, sequentialize } from '@grammyjs/runner';
import { type Bot, BotError } from 'grammy';
import type { Update } from 'grammy/types';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import type { Logger } from '../../src/ports/logger.ts';
import { logPollFailures } from './log-poll-failures.ts';
import { orderKeysOf } from './update-order-keys.ts';
import { ALLOWED_UPDATES, type UpdateRunner } from './update-runner.ts';

/**
 * Creates the polling runner. start() resolves once the bot is known (getMe), the webhook is
 * removed and polling begins, and rejects if that setup fails (bad token: 401). A loop that dies
 * later (another instance polling: 409) is logged. Updates sharing a chat or user
 * (orderKeysOf) run in arrival order; others run concurrently. A failing update goes to the bot's
 * error handler and the runner goes on. stop() ends the current poll, waits for every update in
 * hand to finish, then confirms the offset so the next instance does not get them again.
 */
export function createPollingRunner(
  bot: Bot,
  logger: Logger,
  pollTimeoutSeconds: number,
): UpdateRunner {
  bot.api.config.use(logPollFailures(logger));
  const inOrder = sequentialize(orderKeysOf);
  const inHand = new Set<Promise<void>>();
  let lastUpdateId: number | null = null;
  let handle: RunnerHandle | null = null;
  let loop: Promise<void> | undefined;

  const handleUpdate = (update: Update): Promise<void> => {
    lastUpdateId = Math.max(lastUpdateId ?? update.update_id, update.update_id);
    const task = inOrder(update, () => bot.handleUpdate(update));
    inHand.add(task);
    // The runner's sink reports the failure; here the task only leaves the set.
    task.then(
      () => inHand.delete(task),
      () => inHand.delete(task),
    );
    return task;
  };

  return {
    mount: () => {},
    start: async () => {
      await bot.init();
      await bot.api.deleteWebhook();
      handle = run(
        {
          init: () => bot.init(),
          handleUpdate,
          errorHandler: (error: unknown) => reportFailure(bot, logger, error),
          api: bot.api,
        },
        {
          runner: {
            fetch: { allowed_updates: ALLOWED_UPDATES, timeout: pollTimeoutSeconds },
            // logPollFailures logs instead of the runner's console output; linear backoff.
            silent: true,
            retryInterval: 'quadratic',
          },
        },
      );
      loop = handle.task()?.catch((error: unknown) => {
        logger.error({ err: describeErrorSafely(error) }, 'telegram polling stopped');
      });
    },
    stop: async () => {
      const running = handle;
      handle = null;
      await running?.stop();
      await loop;
      await Promise.allSettled([...inHand]);
      if (running) await confirmOffset(bot, lastUpdateId, logger);
    },
  };
}

/** Tells Telegram every update up to `lastUpdateId` is done, as grammY's own bot.stop() does. */
async function confirmOffset(bot: Bot, lastUpdateId: number | null, logger: Logger) {
  if (lastUpdateId === null) return;
  try {
    await bot.api.getUpdates({ offset: lastUpdateId + 1, limit: 1, timeout: 0 });
  } catch (error) {
    // The next instance gets them again; chat_processed_updates drops the repeats.
    logger.warn({ err: describeErrorSafely(error) }, 'offset not confirmed');
  }
}

/** A failed update: the bot's own error handler when grammY wrapped it, else logged here. */
async function reportFailure(bot: Bot, logger: Logger, error: unknown): Promise<void> {
  if (error instanceof BotError) await bot.errorHandler(error);
  else logger.error({ err: describeErrorSafely(error) }, 'telegram update failed');
}
