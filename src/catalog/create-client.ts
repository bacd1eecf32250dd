// Registers a client: a person who books appointments.
import type { Queryable } from '../db/database.ts';
import { clients } from '../db/schema/clients.ts';
import type { Client } from '../domain/catalog.ts';
import type { InvalidInput, Ok } from '../domain/outcome.ts';
import { ok } from '../domain/outcome.ts';
import { normalizeTimezone } from '../domain/timezone.ts';
import { CatalogError, guardInput } from './catalog-error.ts';
import { unknownTimezone } from './field-issue.ts';

export type NewClient = {
  readonly name: string;
  readonly email?: string | null;
  /** Any IANA zone name; stored in its canonical spelling. */
  readonly timezone: string;
};

/**
 * Stores a new client created at `now`, with no no-shows and no lockout. VALIDATION_ERROR for an
 * unknown time zone or a value the table refuses.
 */
export async function createClient(
  q: Queryable,
  input: NewClient,
  now: Date,
): Promise<Ok<Client> | InvalidInput> {
  const timezone = normalizeTimezone(input.timezone);
  if (timezone === null) return unknownTimezone(['timezone'], input.timezone);
  const inserted = await guardInput('create client', () =>
    q
      .insert(clients)
      .values({ name: input.name, email: input.email ?? null, timezone, createdAt: now })
      .returning()
      .then((rows) => rows[0]),
  );
  if (!inserted.ok) return inserted;
  if (inserted.value === undefined) throw new CatalogError('insert returned no client');
  return ok(inserted.value);
}
