// Lists the services of one provider page by page, oldest first.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { services } from '../db/schema/providers.ts';
import type { Service } from '../domain/catalog.ts';
import type { InvalidInput, NotFound, Ok } from '../domain/outcome.ts';
import { notFound, ok } from '../domain/outcome.ts';
import { decodeInstantIdCursor, readInstantIdPage } from './list-oldest-first.ts';
import type { Page, PageRequest } from './page.ts';
import { providerExists } from './provider-exists.ts';

/**
 * One page of the provider's services, active or not, ordered by (created_at, id). NOT_FOUND for
 * an unknown provider, VALIDATION_ERROR for a foreign cursor.
 */
export async function listServices(
  q: Queryable,
  providerId: string,
  page: PageRequest,
): Promise<Ok<Page<Service>> | NotFound | InvalidInput> {
  const cursor = decodeInstantIdCursor(page.cursor);
  if (!cursor.ok) return cursor;
  if (!(await providerExists(q, providerId))) return notFound('provider');
  const where = eq(services.providerId, providerId);
  const query = { instant: services.createdAt, where, after: cursor.value, limit: page.limit };
  return ok(await readInstantIdPage(q, services, query));
}
