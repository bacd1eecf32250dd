// Adds a one-day exception to a provider's weekly schedule: a block, or extra hours.

import { lockProvider } from '../booking/lock-provider.ts';
import type { Database } from '../db/database.ts';
import { availabilityOverrides } from '../db/schema/availability.ts';
import type { StoredOverride } from '../domain/catalog.ts';
import type { InvalidInput, NotFound, Ok } from '../domain/outcome.ts';
import { notFound, ok } from '../domain/outcome.ts';
import { CatalogError, guardInput } from './catalog-error.ts';
import { checkOverride, type OverrideInput } from './override-rules.ts';
import { providerExists } from './provider-exists.ts';
import { toStoredOverride } from './stored-override.ts';

/**
 * Stores a MANUAL override created at `now`, under the provider's booking lock so a booking being
 * decided sees it entirely or not at all. Appointments already booked in a newly blocked range are
 * kept. VALIDATION_ERROR when checkOverride refuses the input; NOT_FOUND for an unknown provider.
 */
export async function addOverride(
  db: Database,
  providerId: string,
  input: OverrideInput,
  now: Date,
): Promise<Ok<StoredOverride> | NotFound | InvalidInput> {
  const rejected = checkOverride(input);
  if (rejected) return rejected;
  if (!(await providerExists(db, providerId))) return notFound('provider');
  const inserted = await guardInput('add override', () =>
    db.transaction(async (tx) => {
      await lockProvider(tx, providerId);
      const [row] = await tx
        .insert(availabilityOverrides)
        .values({ ...input, providerId, source: 'MANUAL', createdAt: now })
        .returning();
      return row;
    }),
  );
  if (!inserted.ok) return inserted;
  if (inserted.value === undefined) throw new CatalogError('insert returned no override');
  return ok(toStoredOverride(inserted.value));
}
