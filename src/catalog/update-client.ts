// Changes some fields of a client; fields left out keep their values.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { clients } from '../db/schema/clients.ts';
import type { Client } from '../domain/catalog.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { InvalidInput, NotFound, Ok } from '../domain/outcome.ts';
import { notFound, ok } from '../domain/outcome.ts';
import type { Language } from '../i18n/languages.ts';
import { storedTimezone } from './field-issue.ts';
import { getClient } from './get-client.ts';
import { updateOne } from './one-row.ts';

export type ClientPatch = {
  readonly name?: string;
  /** null removes the address. */
  readonly email?: string | null;
  /** Any IANA zone name; stored in its canonical spelling. */
  readonly timezone?: string;
  /** A registry language code; null: the default language. */
  readonly language?: Language | null;
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
    ...(patch.language === undefined ? {} : { language: patch.language }),
  };
  const timezone = patch.timezone === undefined ? ok(undefined) : storedTimezone(patch.timezone);
  if (!timezone.ok) return timezone;
  const changes = timezone.value === undefined ? values : { ...values, timezone: timezone.value };
  if (Object.keys(changes).length === 0) return getClient(q, id);
  return updateOne('client', () =>
    q.update(clients).set(changes).where(eq(clients.id, id)).returning(),
  );
}
