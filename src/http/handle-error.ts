// The last resort for thrown errors: client mistakes hono detects become 400, the rest 500.
import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from './app-deps.ts';
import { errorJson } from './error-json.ts';

/**
 * HTTPExceptions below 500 (malformed JSON, unsupported media type) are the client's input: 400
 * VALIDATION_ERROR. Anything else is a fault: logged with method, path and the error chain (but
 * never the request body or query parameters), answered with 500 INTERNAL_ERROR.
 */
export function handleError(logger: Logger): ErrorHandler {
  return (error, c) => {
    if (error instanceof HTTPException && error.status < 500) {
      return c.json(errorJson('VALIDATION_ERROR', error.message || 'bad request'), 400);
    }
    logger.error(
      { method: c.req.method, path: c.req.path, err: describeError(error) },
      'request failed',
    );
    return c.json(errorJson('INTERNAL_ERROR', 'internal error'), 500);
  };
}

type ErrorSummary = { name: string; message: string; code?: string; stack?: string };

/**
 * The error and its causes as plain fields. drizzle puts the query parameters, that is request
 * data, into its messages and stacks after 'params:'; they are cut off.
 */
export function describeError(error: unknown): ErrorSummary[] {
  const chain: ErrorSummary[] = [];
  for (let e: unknown = error; e !== undefined && e !== null && chain.length < 8; ) {
    if (!(e instanceof Error)) {
      chain.push({ name: typeof e, message: 'non-error thrown' });
      break;
    }
    const code = (e as { code?: unknown }).code;
    chain.push({
      name: e.name,
      message: withoutParams(e.message),
      ...(typeof code === 'string' ? { code } : {}),
      ...(chain.length === 0 && e.stack ? { stack: withoutParams(e.stack) } : {}),
    });
    e = e.cause;
  }
  return chain;
}

function withoutParams(text: string): string {
  const at = text.indexOf('\nparams:');
  if (at === -1) return text;
  const frames = text.indexOf('\n    at ', at);
  return `${text.slice(0, at)}\nparams: [omitted]${frames === -1 ? '' : text.slice(frames)}`;
}
