// Removes one override, restoring the weekly schedule on its date.
import { eq } from 'drizzle-orm';
import { lockProvider } from '../booking/lock-provider.ts';
import type { Database } from '../db/database.ts';
import { availabilityOverrides } from '../db/schema/availability.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { NotFound, Ok } from '../domain/outcome.ts';
import { notFound, ok } from '../domain/outcome.ts';

/**
 * Deletes the override with `id` under its provider's booking lock, whatever its source (a
 * calendar sync may add it again). NOT_FOUND for an unknown or malformed id, or when a concurrent
 * delete got there first.
 */
export async function deleteOverride(db: Database, id: string): Promise<Ok<null> | NotFound> {
  if (!isUuid(id)) return notFound('override');
  const [found] = await db
    .select({ providerId: availabilityOverrides.providerId })
    .from(availabilityOverrides)
    .where(eq(availabilityOverrides.id, id));
  if (!found) return notFound('override');
  return db.transaction(async (tx) => {
    await lockProvider(tx, found.providerId);
    const deleted = await tx
      .delete(availabilityOverrides)
      .where(eq(availabilityOverrides.id, id))
      .returning({ id: availabilityOverrides.id });
    return deleted.length > 0 ? ok(null) : notFound('override');
  });
}
