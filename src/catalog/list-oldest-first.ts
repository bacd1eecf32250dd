// One page of a table in (instant, id) order: the query every catalog and appointment list shares.
import { and, asc, type InferSelectModel, type SQL } from 'drizzle-orm';
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

type PagedTable = PgTable & { readonly id: AnyPgColumn };
type CatalogTable = PagedTable & { readonly createdAt: AnyPgColumn };

/** Which rows of a paged table, in what order, from where. */
type PageQuery = {
  /** The instant column the rows are ordered by, with id breaking ties. */
  readonly instant: AnyPgColumn;
  /** The list's own filter, or undefined for the whole table. */
  readonly where: SQL | undefined;
  /** The decoded cursor's key parts; null for the first page. */
  readonly after: readonly string[] | null;
  readonly limit: number;
};

/** Decodes a cursor made by readInstantIdPage: null or the (instant, id) it names. */
export function decodeInstantIdCursor(
  cursor: string | null,
): Ok<readonly string[] | null> | InvalidInput {
  return decodeCursor(cursor, [isExactInstant, isUuid]);
}

/**
 * One page of `table`'s rows matching `query.where`, ordered by (`query.instant`, id), a total
 * order, so paging never skips or repeats a row.
 */
export async function readInstantIdPage<T extends PagedTable>(
  q: Queryable,
  table: T,
  query: PageQuery,
): Promise<Page<InferSelectModel<T>>> {
  const rows = (await q
    .select({ item: table, at: exactInstant(query.instant) })
    // drizzle's from() cannot resolve its conditional type for a generic table; T is a table.
    .from(table as never)
    .where(and(query.where, afterInstantAndId(query.instant, table.id, query.after)))
    .orderBy(asc(query.instant), asc(table.id))
    .limit(query.limit + 1)) as { item: InferSelectModel<T> & { id: string }; at: string }[];
  return toInstantIdPage(rows, query.limit);
}

/**
 * One page of `table`'s rows ordered by (created_at, id). VALIDATION_ERROR for a cursor this
 * list did not produce.
 */
export async function listOldestFirst<T extends CatalogTable>(
  q: Queryable,
  table: T,
  page: PageRequest,
): Promise<Ok<Page<InferSelectModel<T>>> | InvalidInput> {
  const cursor = decodeInstantIdCursor(page.cursor);
  if (!cursor.ok) return cursor;
  const query = { instant: table.createdAt, where: undefined, after: cursor.value };
  return ok(await readInstantIdPage(q, table, { ...query, limit: page.limit }));
}
