// Replaces a provider's whole weekly schedule at once.

import { eq } from 'drizzle-orm';
import { lockProvider } from '../booking/lock-provider.ts';
import type { Database } from '../db/database.ts';
import { availability } from '../db/schema/availability.ts';
import type { StoredWeeklyWindow } from '../domain/catalog.ts';
import type { InvalidInput, NotFound, Ok } from '../domain/outcome.ts';
import { notFound } from '../domain/outcome.ts';
import type { WeeklyWindow } from '../slots/slot-types.ts';
import { guardInput } from './catalog-error.ts';
import { providerExists } from './provider-exists.ts';
import { storedWindows } from './stored-windows.ts';
import { checkWeeklyWindows } from './weekly-window-rules.ts';

/**
 * Makes `windows` the provider's complete weekly schedule in one transaction: readers see the
 * old schedule or the new one, never a mix. Holds the provider's booking lock, so a booking
 * being decided is judged against one schedule. VALIDATION_ERROR for a bad weekday or time, end
 * not after start, or overlapping windows of one weekday (also when the availability_no_overlap
 * constraint catches it); NOT_FOUND for an unknown provider. Existing appointments are kept.
 */
export async function replaceAvailability(
  db: Database,
  providerId: string,
  windows: readonly WeeklyWindow[],
): Promise<Ok<StoredWeeklyWindow[]> | NotFound | InvalidInput> {
  const rejected = checkWeeklyWindows(windows);
  if (rejected) return rejected;
  if (!(await providerExists(db, providerId))) return notFound('provider');
  return guardInput('replace availability', () =>
    db.transaction(async (tx) => {
      await lockProvider(tx, providerId);
      await tx.delete(availability).where(eq(availability.providerId, providerId));
      if (windows.length > 0) {
        await tx.insert(availability).values(
          windows.map((w) => ({
            providerId,
            dayOfWeek: w.dayOfWeek,
            startTime: w.startTime,
            endTime: w.endTime,
          })),
        );
      }
      return storedWindows(tx, providerId);
    }),
  );
}
