// Reads one client by id.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { clients } from '../db/schema/clients.ts';
import type { Client } from '../domain/catalog.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { NotFound, Ok } from '../domain/outcome.ts';
import { notFound, ok } from '../domain/outcome.ts';

/** The client with `id`, including no-show count and lockout; NOT_FOUND for unknown or malformed. */
export async function getClient(q: Queryable, id: string): Promise<Ok<Client> | NotFound> {
  if (!isUuid(id)) return notFound('client');
  const [row] = await q.select().from(clients).where(eq(clients.id, id));
  return row ? ok(row) : notFound('client');
}
