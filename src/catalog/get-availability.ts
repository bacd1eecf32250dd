// Reads a provider's weekly schedule.
import type { Queryable } from '../db/database.ts';
import type { StoredWeeklyWindow } from '../domain/catalog.ts';
import type { NotFound, Ok } from '../domain/outcome.ts';
import { notFound, ok } from '../domain/outcome.ts';
import { providerExists } from './provider-exists.ts';
import { storedWindows } from './stored-windows.ts';

/** The provider's weekly windows sorted by weekday and start; NOT_FOUND for an unknown provider. */
export async function getAvailability(
  q: Queryable,
  providerId: string,
): Promise<Ok<StoredWeeklyWindow[]> | NotFound> {
  if (!(await providerExists(q, providerId))) return notFound('provider');
  return ok(await storedWindows(q, providerId));
}
