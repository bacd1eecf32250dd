// Registers a client: a person who books appointments.
import type { Queryable } from '../db/database.ts';
import { clients } from '../db/schema/clients.ts';
import type { Client } from '../domain/catalog.ts';
import type { InvalidInput, Ok } from '../domain/outcome.ts';
import type { Language } from '../i18n/languages.ts';
import { storedTimezone } from './field-issue.ts';
import { insertOne } from './one-row.ts';

export type NewClient = {
  readonly name: string;
  readonly email?: string | null;
  /** Any IANA zone name; stored in its canonical spelling. */
  readonly timezone: string;
  /** The language mail and DMs go in (a registry code); null or absent: the default. */
  readonly language?: Language | null;
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
  const timezone = storedTimezone(input.timezone);
  if (!timezone.ok) return timezone;
  return insertOne('client', () =>
    q
      .insert(clients)
      .values({
        name: input.name,
        email: input.email ?? null,
        timezone: timezone.value,
        language: input.language ?? null,
        createdAt: now,
      })
      .returning(),
  );
}
