// Changes some fields of a provider; fields left out keep their values.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { providers } from '../db/schema/providers.ts';
import type { Provider, ProviderType } from '../domain/catalog.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { InvalidInput, NotFound, Ok } from '../domain/outcome.ts';
import { notFound, ok } from '../domain/outcome.ts';
import type { Language } from '../i18n/languages.ts';
import { storedTimezone } from './field-issue.ts';
import { getProvider } from './get-provider.ts';
import { updateOne } from './one-row.ts';

export type ProviderPatch = {
  readonly name?: string;
  readonly type?: ProviderType;
  readonly timezone?: string;
  readonly bio?: string | null;
  readonly photoUrl?: string | null;
  readonly email?: string | null;
  readonly userId?: string | null;
  readonly isActive?: boolean;
  /** null clears the limit; existing bookings stay, only new ones are judged by it. */
  readonly maxActiveBookingsPerClient?: number | null;
  /** A registry language code; null: the default language. */
  readonly language?: Language | null;
};

/**
 * Applies `patch` and sets updated_at to `now`; an empty patch changes nothing and returns the
 * provider as stored. NOT_FOUND for an unknown or malformed id, VALIDATION_ERROR for an unknown
 * time zone. Deactivating a provider hides its slots but keeps its appointments.
 */
export async function updateProvider(
  q: Queryable,
  id: string,
  patch: ProviderPatch,
  now: Date,
): Promise<Ok<Provider> | NotFound | InvalidInput> {
  if (!isUuid(id)) return notFound('provider');
  if (Object.values(patch).every((v) => v === undefined)) return getProvider(q, id);
  const timezone = patch.timezone === undefined ? ok(undefined) : storedTimezone(patch.timezone);
  if (!timezone.ok) return timezone;
  const zone = timezone.value === undefined ? {} : { timezone: timezone.value };
  return updateOne('provider', () =>
    q
      .update(providers)
      .set({ ...patch, ...zone, updatedAt: now })
      .where(eq(providers.id, id))
      .returning(),
  );
}
