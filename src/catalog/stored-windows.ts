// Reads a provider's weekly windows in schedule order.
import { asc, eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { availability } from '../db/schema/availability.ts';
import type { StoredWeeklyWindow } from '../domain/catalog.ts';
import { fromTimeColumn } from './wall-clock.ts';

/** The provider's windows sorted by weekday, then start; times as 'HH:MM'. */
export async function storedWindows(
  q: Queryable,
  providerId: string,
): Promise<StoredWeeklyWindow[]> {
  const rows = await q
    .select()
    .from(availability)
    .where(eq(availability.providerId, providerId))
    .orderBy(asc(availability.dayOfWeek), asc(availability.startTime), asc(availability.id));
  return rows.map((r) => ({
    ...r,
    startTime: fromTimeColumn(r.startTime),
    endTime: fromTimeColumn(r.endTime),
  }));
}
