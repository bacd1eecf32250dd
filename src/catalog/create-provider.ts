// Registers a provider (a doctor, consultant, trainer or therapist) who offers services.
import type { Queryable } from '../db/database.ts';
import { providers } from '../db/schema/providers.ts';
import type { Provider, ProviderType } from '../domain/catalog.ts';
import type { InvalidInput, Ok } from '../domain/outcome.ts';
import type { Language } from '../i18n/languages.ts';
import { storedTimezone } from './field-issue.ts';
import { insertOne } from './one-row.ts';

export type NewProvider = {
  readonly name: string;
  readonly type: ProviderType;
  /** Any IANA zone name; stored in its canonical spelling. */
  readonly timezone: string;
  readonly bio?: string | null;
  readonly photoUrl?: string | null;
  readonly email?: string | null;
  readonly userId?: string | null;
  /** Defaults to true. */
  readonly isActive?: boolean;
  /** Most active future bookings one client may hold with the provider (1..1000); null: none. */
  readonly maxActiveBookingsPerClient?: number | null;
  /** The language mail and DMs go in (a registry code); null or absent: the default. */
  readonly language?: Language | null;
};

/**
 * Stores a new provider created at `now`. VALIDATION_ERROR for an unknown time zone or a value
 * the table refuses; throws CatalogError on faults.
 */
export async function createProvider(
  q: Queryable,
  input: NewProvider,
  now: Date,
): Promise<Ok<Provider> | InvalidInput> {
  const timezone = storedTimezone(input.timezone);
  if (!timezone.ok) return timezone;
  return insertOne('provider', () =>
    q
      .insert(providers)
      .values({
        name: input.name,
        type: input.type,
        timezone: timezone.value,
        bio: input.bio ?? null,
        photoUrl: input.photoUrl ?? null,
        email: input.email ?? null,
        userId: input.userId ?? null,
        isActive: input.isActive ?? true,
        maxActiveBookingsPerClient: input.maxActiveBookingsPerClient ?? null,
        language: input.language ?? null,
        createdAt: now,
        updatedAt: now,
      })
      .returning(),
  );
}
