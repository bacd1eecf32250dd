// Reads one provider by id.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { providers } from '../db/schema/providers.ts';
import type { Provider } from '../domain/catalog.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { NotFound, Ok } from '../domain/outcome.ts';
import { notFound, ok } from '../domain/outcome.ts';

/** The provider with `id`, active or not; NOT_FOUND for an unknown or malformed id. */
export async function getProvider(q: Queryable, id: string): Promise<Ok<Provider> | NotFound> {
  if (!isUuid(id)) return notFound('provider');
  const [row] = await q.select().from(providers).where(eq(providers.id, id));
  return row ? ok(row) : notFound('provider');
}
