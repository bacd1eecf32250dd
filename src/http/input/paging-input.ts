// The ?limit= and ?cursor= query parameters every list accepts.
import { z } from '@hono/zod-openapi';
import type { PageRequest } from '../../catalog/page.ts';

export const PagingQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .default(50)
    .openapi({ param: { name: 'limit', in: 'query' }, description: '1-500, default 50' }),
  cursor: z
    .string()
    .min(1)
    .max(1000)
    .optional()
    .openapi({
      param: { name: 'cursor', in: 'query' },
      description: 'next_cursor of the previous page',
    }),
});

export function toPageRequest(query: { limit: number; cursor?: string | undefined }): PageRequest {
  return { limit: query.limit, cursor: query.cursor ?? null };
}
