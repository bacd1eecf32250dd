// Changes some fields of a provider; fields left out keep their values.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { providers } from '../db/schema/providers.ts';
import type { Provider, ProviderType } from '../domain/catalog.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { InvalidInput, NotFound, Ok } from '../domain/outcome.ts';
import { notFound, ok } from '../domain/outcome.ts';
import { normalizeTimezone } from '../domain/timezone.ts';
import { guardInput } from './catalog-error.ts';
import { unknownTimezone } from './field-issue.ts';
import { getProvider } from './get-provider.ts';

export type ProviderPatch = {
  readonly name?: string;
  readonly type?: ProviderType;
  readonly timezone?: string;
  readonly bio?: string | null;
  readonly photoUrl?: string | null;
  readonly email?: string | null;
  readonly userId?: string | null;
  readonly isActive?: boolean;
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
  let timezone: string | undefined;
  if (patch.timezone !== undefined) {
    const normalized = normalizeTimezone(patch.timezone);
    if (normalized === null) return unknownTimezone(['timezone'], patch.timezone);
    timezone = normalized;
  }
  const updated = await guardInput('update provider', () =>
    q
      .update(providers)
      .set({ ...patch, ...(timezone === undefined ? {} : { timezone }), updatedAt: now })
      .where(eq(providers.id, id))
      .returning(),
  );
  if (!updated.ok) return updated;
  const [row] = updated.value;
  return row ? ok(row) : notFound('provider');
}
