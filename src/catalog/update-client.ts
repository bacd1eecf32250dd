// Changes some fields of a client; fields left out keep their values.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { clients } from '../db/schema/clients.ts';
import type { Client } from '../domain/catalog.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { InvalidInput, NotFound, Ok } from '../domain/outcome.ts';
import { notFound, ok } from '../domain/outcome.ts';
import { normalizeTimezone } from '../domain/timezone.ts';
import { guardInput } from './catalog-error.ts';
import { unknownTimezone } from './field-issue.ts';
import { getClient } from './get-client.ts';

export type ClientPatch = {
  readonly name?: string;
  /** null removes the address. */
  readonly email?: string | null;
  /** Any IANA zone name; stored in its canonical spelling. */
  readonly timezone?: string;
};

/**
 * Applies `patch` to the client with `id`; an empty patch changes nothing and returns the client
 * as stored. NOT_FOUND for an unknown or malformed id, VALIDATION_ERROR for an unknown time zone
 * or a value the table refuses.
 */
export async function updateClient(
  q: Queryable,
  id: string,
  patch: ClientPatch,
): Promise<Ok<Client> | NotFound | InvalidInput> {
  if (!isUuid(id)) return notFound('client');
  const values = {
    ...(patch.name === undefined ? {} : { name: patch.name }),
    ...(patch.email === undefined ? {} : { email: patch.email }),
  };
  let timezone: string | undefined;
  if (patch.timezone !== undefined) {
    const normalized = normalizeTimezone(patch.timezone);
    if (normalized === null) return unknownTimezone(['timezone'], patch.timezone);
    timezone = normalized;
  }
  const changes = timezone === undefined ? values : { ...values, timezone };
  if (Object.keys(changes).length === 0) return getClient(q, id);
  const updated = await guardInput('update client', () =>
    q.update(clients).set(changes).where(eq(clients.id, id)).returning(),
  );
  if (!updated.ok) return updated;
  const [row] = updated.value;
  return row ? ok(row) : notFound('client');
}
