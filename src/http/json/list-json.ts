// The envelope every list response shares.
import { z } from '@hono/zod-openapi';
import type { Page } from '../../catalog/page.ts';

/** `{ data: [...], next_cursor }`, where next_cursor is null on the last page. */
export function listJson<S extends z.ZodType>(item: S, name: string) {
  return z
    .object({
      data: z.array(item),
      next_cursor: z
        .string()
        .nullable()
        .openapi({ description: 'Pass as ?cursor= for the next page' }),
    })
    .openapi(name);
}

export function toListJson<T, J>(
  page: Page<T>,
  toJson: (item: T) => J,
): { data: J[]; next_cursor: string | null } {
  return { data: page.items.map(toJson), next_cursor: page.nextCursor };
}
