// Turns zod validation failures of params, query, headers and bodies into 400 VALIDATION_ERROR.
import type { Hook } from '@hono/zod-openapi';
import type { Env } from 'hono';
import { errorJson } from './error-json.ts';

/**
 * The app's defaultHook: on failure, 400 with every zod issue as `{ path, message, code }` in
 * details.issues, and the request's part (json, query, param, header) in details.target.
 */
export const validationHook: Hook<unknown, Env, string, Response | undefined> = (result, c) => {
  if (result.success) return undefined;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
    code: issue.code,
  }));
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return c.json(
    errorJson(
      'VALIDATION_ERROR',
      `invalid ${result.target}: ${where}${first?.message ?? 'invalid'}`,
      {
        target: result.target,
        issues,
      },
    ),
    400,
  );
};
