// Lets a locked-out client book same-day appointments again, ahead of the lockout's end.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { clients } from '../db/schema/clients.ts';
import type { Client } from '../domain/catalog.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { NotFound, Ok } from '../domain/outcome.ts';
import { notFound, ok } from '../domain/outcome.ts';

/**
 * Clears no_show_lockout_until; the no-show count stays as the record of what happened.
 * Idempotent: lifting a client with no lockout returns them unchanged. NOT_FOUND for an unknown
 * or malformed id.
 */
export async function liftNoShowLockout(q: Queryable, id: string): Promise<Ok<Client> | NotFound> {
  if (!isUuid(id)) return notFound('client');
  const [row] = await q
    .update(clients)
    .set({ noShowLockoutUntil: null })
    .where(eq(clients.id, id))
    .returning();
  return row ? ok(row) : notFound('client');
}
