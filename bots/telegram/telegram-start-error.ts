// The adapter could not start; the error carries no token, secret or webhook payload.
import { GrammyError, HttpError } from 'grammy';
import { describeErrorSafely } from '../../src/logging/describe-error-safely.ts';

/**
 * Why start() failed. grammY's own errors are not passed on as the cause: a GrammyError keeps
 * the call payload (setWebhook's secret_token) and an HttpError's inner error quotes the request
 * URL, which holds the bot token, so a logger serialising the cause chain would leak them.
 */
export class TelegramStartError extends Error {
  override name = 'TelegramStartError';
}

/** Wraps a start-up failure; `cause` holds only describeErrorSafely's fields. */
export function toStartError(error: unknown): TelegramStartError {
  let reason = 'failed';
  if (error instanceof GrammyError)
    reason = `refused ${error.method} (${error.error_code}: ${error.description})`;
  else if (error instanceof HttpError) reason = 'could not be reached';
  return new TelegramStartError(`Telegram ${reason}`, { cause: describeErrorSafely(error) });
}
