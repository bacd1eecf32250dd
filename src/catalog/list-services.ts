// Lists the services of one provider page by page, oldest first.
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { services } from '../db/schema/providers.ts';
import type { Service } from '../domain/catalog.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { InvalidInput, NotFound, Ok } from '../domain/outcome.ts';
import { notFound, ok } from '../domain/outcome.ts';
import {
  afterInstantAndId,
  decodeCursor,
  exactInstant,
  isExactInstant,
  type Page,
  type PageRequest,
  toInstantIdPage,
} from './page.ts';
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
  const cursor = decodeCursor(page.cursor, [isExactInstant, isUuid]);
  if (!cursor.ok) return cursor;
  if (!(await providerExists(q, providerId))) return notFound('provider');
  const after = cursor.value;
  const rows = await q
    .select({ item: services, at: exactInstant(services.createdAt) })
    .from(services)
    .where(
      and(
        eq(services.providerId, providerId),
        afterInstantAndId(services.createdAt, services.id, after),
      ),
    )
    .orderBy(asc(services.createdAt), asc(services.id))
    .limit(page.limit + 1);
  return ok(toInstantIdPage(rows, page.limit));
}
