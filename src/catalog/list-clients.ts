// Lists clients page by page, oldest first.
import type { Queryable } from '../db/database.ts';
import { clients } from '../db/schema/clients.ts';
import type { Client } from '../domain/catalog.ts';
import type { InvalidInput, Ok } from '../domain/outcome.ts';
import { listOldestFirst } from './list-oldest-first.ts';
import type { Page, PageRequest } from './page.ts';

/**
 * One page of clients, with no-show count and lockout, ordered by (created_at, id), a total
 * order, so paging never skips or repeats a row. VALIDATION_ERROR for a cursor this list did not
 * produce.
 */
export function listClients(
  q: Queryable,
  page: PageRequest,
): Promise<Ok<Page<Client>> | InvalidInput> {
  return listOldestFirst(q, clients, page);
}
