// Checks that a provider id names a stored provider, before work that hangs off it.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { providers } from '../db/schema/providers.ts';
import { isUuid } from '../domain/is-uuid.ts';

/** True when `id` is a well-formed id of a stored provider, active or not. */
export async function providerExists(q: Queryable, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await q.select({ id: providers.id }).from(providers).where(eq(providers.id, id));
  return rows.length > 0;
}
