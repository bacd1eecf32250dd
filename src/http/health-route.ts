// GET /healthz: whether the app can reach its database, for load balancers and orchestrators.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { RETRY_AFTER_SECONDS } from '../db/database-timeouts.ts';
import { describeErrorSafely } from '../logging/describe-error-safely.ts';
import type { AppDeps } from './app-deps.ts';
import { jsonResponse } from './openapi-responses.ts';

const HealthJson = z.object({ status: z.enum(['ok', 'unavailable']) }).openapi('Health');

const health = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Health'],
  summary: 'Liveness and database reachability; no auth',
  security: [],
  responses: {
    200: jsonResponse(HealthJson, 'The database answers'),
    503: jsonResponse(HealthJson, 'The database does not answer'),
  },
});

export function registerHealthRoute(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(health, async (c) => {
    try {
      await deps.db.execute(sql`select 1`);
      return c.json({ status: 'ok' as const }, 200);
    } catch (error) {
      deps.logger.warn({ err: describeErrorSafely(error) }, 'health check failed');
      c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return c.json({ status: 'unavailable' as const }, 503);
    }
  });
}
