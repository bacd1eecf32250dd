// The REST API's error body for the web chat's routes, so a browser or script reads one shape.
import type { Context } from 'hono';
import type { z } from 'zod';
import { errorJson } from '../../src/http/error-json.ts';

/** 400 VALIDATION_ERROR with `details`; for input no persona, line or button could produce. */
export function badRequest(c: Context, message: string, details: Record<string, unknown> = {}) {
  return c.json(errorJson('VALIDATION_ERROR', message, details), 400);
}

/** 400 listing every zod issue as `{ path, message, code }`, like the REST API's validation hook. */
export function invalidBody(c: Context, target: string, error: z.ZodError) {
  const issues = error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
    code: issue.code,
  }));
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return badRequest(c, `invalid ${target}: ${where}${first?.message ?? 'invalid'}`, {
    target,
    issues,
  });
}

/** 500 INTERNAL_ERROR; the caller logs the fault first. */
export function internalError(c: Context) {
  return c.json(errorJson('INTERNAL_ERROR', 'internal error'), 500);
}
