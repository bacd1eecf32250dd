// Operators' view of background work: jobs that exhausted their retries (the dead-letter queue).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppDeps } from '../app-deps.ts';
import { errorJson } from '../error-json.ts';
import { errorResponses, jsonResponse } from '../openapi-responses.ts';

const FailedJobJson = z
  .object({
    id: z.string(),
    source_queue: z.string().nullable(),
    source_id: z.string().nullable(),
    data: z.unknown(),
    output: z.unknown(),
    failed_at: z.string(),
  })
  .openapi('FailedJob');

const FailedJobsJson = z
  .object({ data: z.array(FailedJobJson), next_cursor: z.string().nullable() })
  .openapi('FailedJobList');

const FailedJobsQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(50)
    .openapi({ param: { name: 'limit', in: 'query' } }),
  cursor: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .openapi({ param: { name: 'cursor', in: 'query' } }),
});

const list = createRoute({
  method: 'get',
  path: '/api/jobs/failed',
  tags: ['Jobs'],
  summary: 'Jobs that failed for good after their retries, oldest first',
  request: { query: FailedJobsQuery },
  responses: {
    200: jsonResponse(FailedJobsJson, 'One page of dead-lettered jobs'),
    ...errorResponses(400, 503),
  },
});

export function registerJobRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(list, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    if (!deps.listFailedJobs) {
      return c.json(errorJson('UNAVAILABLE', 'background jobs are not running', {}), 503);
    }
    const page = await deps
      .listFailedJobs(cursor === undefined ? { limit } : { limit, after: cursor })
      .catch(() => null);
    // pg-boss refuses a cursor naming a job it no longer has: that is a stale cursor, not a fault.
    if (page === null)
      return c.json(errorJson('VALIDATION_ERROR', 'unknown cursor', { field: 'cursor' }), 400);
    const data = page.map((job) => ({
      id: job.id,
      source_queue: job.sourceQueue,
      source_id: job.sourceId,
      data: job.data,
      output: job.output,
      failed_at: job.failedAt.toISOString(),
    }));
    return c.json(
      { data, next_cursor: page.length === limit ? (page.at(-1)?.id ?? null) : null },
      200,
    );
  });
}
