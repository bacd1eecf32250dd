// Lists providers page by page, oldest first.
import type { Queryable } from '../db/database.ts';
import { providers } from '../db/schema/providers.ts';
import type { Provider } from '../domain/catalog.ts';
import type { InvalidInput, Ok } from '../domain/outcome.ts';
import { listOldestFirst } from './list-oldest-first.ts';
import type { Page, PageRequest } from './page.ts';

/**
 * One page of providers ordered by (created_at, id), a total order, so paging never skips or
 * repeats a row. VALIDATION_ERROR for a cursor this list did not produce.
 */
export function listProviders(
  q: Queryable,
  page: PageRequest,
): Promise<Ok<Page<Provider>> | InvalidInput> {
  return listOldestFirst(q, providers, page);
}
