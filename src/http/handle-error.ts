// The last resort for thrown errors: client mistakes hono detects become 400, the rest 500.
import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { RETRY_AFTER_SECONDS } from '../db/database-timeouts.ts';
import { isDatabaseUnavailable } from '../db/is-database-unavailable.ts';
import { describeErrorSafely, type SafeError } from '../logging/describe-error-safely.ts';
import type { Logger } from '../ports/logger.ts';
import { errorJson } from './error-json.ts';

/**
 * HTTPExceptions below 500 (malformed JSON, unsupported media type) are the client's input: 400
 * VALIDATION_ERROR. A database that is away or timed out is 503 UNAVAILABLE with Retry-After.
 * Anything else is a fault: logged with method, path and the error chain (but never the request
 * body or query parameters), answered with 500 INTERNAL_ERROR.
 */
export function handleError(logger: Logger): ErrorHandler {
  return (error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(errorJson('VALIDATION_ERROR', error.message || 'bad request'), 400);
    }
    if (isDatabaseUnavailable(error)) {
      // Not our fault and not the caller's: the database is away or slow. Say when to retry.
      logger.warn({ method: c.req.method, path: c.req.path }, 'database unavailable');
      c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return c.json(
        errorJson('UNAVAILABLE', 'the database is busy or unreachable; retry shortly'),
        503,
      );
    }
    logger.error(
      { method: c.req.method, path: c.req.path, err: describeError(error) },
      'request failed',
    );
    return c.json(errorJson('INTERNAL_ERROR', 'internal error'), 500);
  };
}

/**
 * The error as it may be logged: describeErrorSafely's one rule (names, codes, frames; never a
 * message, so neither the SQL nor the parameters drizzle puts into its messages).
 */
function describeError(error: unknown): SafeError {
  return describeErrorSafely(error);
}
