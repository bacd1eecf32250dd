// Lists clients page by page, oldest first.
import { asc } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { clients } from '../db/schema/clients.ts';
import type { Client } from '../domain/catalog.ts';
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
 * One page of clients, with no-show count and lockout, ordered by (created_at, id), a total
 * order, so paging never skips or repeats a row. VALIDATION_ERROR for a cursor this list did not
 * produce.
 */
export async function listClients(
  q: Queryable,
  page: PageRequest,
): Promise<Ok<Page<Client>> | InvalidInput> {
  const cursor = decodeCursor(page.cursor, [isExactInstant, isUuid]);
  if (!cursor.ok) return cursor;
  const after = cursor.value;
  const rows = await q
    .select({ item: clients, at: exactInstant(clients.createdAt) })
    .from(clients)
    .where(afterInstantAndId(clients.createdAt, clients.id, after))
    .orderBy(asc(clients.createdAt), asc(clients.id))
    .limit(page.limit + 1);
  return ok(toInstantIdPage(rows, page.limit));
}
