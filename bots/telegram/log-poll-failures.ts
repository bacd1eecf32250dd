// A Bot API transformer that logs failed getUpdates calls, which the runner retries silently.
import type { Transformer } from 'grammy';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';
import type { Logger } from '../../src/ports/logger.ts';

/**
 * Logs a refused or unreachable getUpdates (Telegram down, 409 from another instance, 429) at
 * warn, then passes the answer or error on unchanged, so the runner's own retry rules still
 * apply. A poll aborted by stop() is not a failure and is not logged. Other methods pass through.
 */
export function logPollFailures(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    if (method !== 'getUpdates') return prev(method, payload, signal);
    try {
      const answer = await prev(method, payload, signal);
      if (!answer.ok) {
        logger.warn({ code: answer.error_code, description: answer.description }, 'poll refused');
      }
      return answer;
    } catch (error) {
      if (!signal?.aborted) logger.warn({ err: describeErrorSafely(error) }, 'poll failed');
      throw error;
    }
  };
}
