// Bearer-token check for the admin API.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { errorJson } from './error-json.ts';

/**
 * Lets a request through only with `Authorization: Bearer <token>`, else 401 UNAUTHORIZED.
 * Compares SHA-256 digests in constant time, so neither the token's characters nor its length
 * leak through timing.
 */
export function requireAdmin(token: string): MiddlewareHandler {
  const expected = digest(token);
  return async (c, next) => {
    const match = /^Bearer (.+)$/i.exec(c.req.header('authorization') ?? '');
    const given = match?.[1];
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      return c.json(errorJson('UNAUTHORIZED', 'a valid bearer token is required'), 401);
    }
    return next();
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
