// Lists providers page by page, oldest first.
import { asc } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { providers } from '../db/schema/providers.ts';
import type { Provider } from '../domain/catalog.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { InvalidInput, Ok } from '../domain/outcome.ts';
import { ok } from '../domain/outcome.ts';
import {
  afterInstantAndId,
  decodeCursor,
  exactInstant,
  isExactInstant,
  type Page,
  type PageRequest,
  toInstantIdPage,
} from './page.ts';

/**
 * One page of providers ordered by (created_at, id), a total order, so paging never skips or
 * repeats a row. VALIDATION_ERROR for a cursor this list did not produce.
 */
export async function listProviders(
  q: Queryable,
  page: PageRequest,
): Promise<Ok<Page<Provider>> | InvalidInput> {
  const cursor = decodeCursor(page.cursor, [isExactInstant, isUuid]);
  if (!cursor.ok) return cursor;
  const after = cursor.value;
  const rows = await q
    .select({ item: providers, at: exactInstant(providers.createdAt) })
    .from(providers)
    .where(afterInstantAndId(providers.createdAt, providers.id, after))
    .orderBy(asc(providers.createdAt), asc(providers.id))
    .limit(page.limit + 1);
  return ok(toInstantIdPage(rows, page.limit));
}
