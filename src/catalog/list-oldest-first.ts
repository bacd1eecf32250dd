// One page of a whole catalog table, oldest first: the shape every unfiltered list shares.
import { asc, type InferSelectModel } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db/database.ts';
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

type CatalogTable = PgTable & { readonly createdAt: AnyPgColumn; readonly id: AnyPgColumn };

/**
 * One page of `table`'s rows ordered by (created_at, id), a total order, so paging never skips or
 * repeats a row. VALIDATION_ERROR for a cursor this list did not produce.
 */
export async function listOldestFirst<T extends CatalogTable>(
  q: Queryable,
  table: T,
  page: PageRequest,
): Promise<Ok<Page<InferSelectModel<T>>> | InvalidInput> {
  const cursor = decodeCursor(page.cursor, [isExactInstant, isUuid]);
  if (!cursor.ok) return cursor;
  const rows = (await q
    .select({ item: table, at: exactInstant(table.createdAt) })
    // drizzle's from() cannot resolve its conditional type for a generic table; T is a table.
    .from(table as never)
    .where(afterInstantAndId(table.createdAt, table.id, cursor.value))
    .orderBy(asc(table.createdAt), asc(table.id))
    .limit(page.limit + 1)) as { item: InferSelectModel<T> & { id: string }; at: string }[];
  return ok(toInstantIdPage(rows, page.limit));
}
