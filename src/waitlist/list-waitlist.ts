// A client's waiting entries, for /waitlist.
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { waitlistEntries } from '../db/schema/waitlist.ts';
import { isUuid } from '../domain/is-uuid.ts';
import { wallClockOf } from './part-of-day.ts';
import type { WaitlistEntry } from './waitlist-entry.ts';

/**
 * The client's WAITING entries whose last date has not passed in their own zone at `now`,
 * oldest first (line order). An entry past its dates that housekeeping has not expired yet is
 * left out, never shown as waiting. An unknown or malformed client id has none.
 */
export async function listWaitlist(
  db: Database,
  clientId: string,
  now: Date,
): Promise<WaitlistEntry[]> {
  if (!isUuid(clientId)) return [];
  const rows = await db
    .select()
    .from(waitlistEntries)
    .where(and(eq(waitlistEntries.clientId, clientId), eq(waitlistEntries.status, 'WAITING')))
    .orderBy(asc(waitlistEntries.createdAt), asc(waitlistEntries.id));
  return rows.filter((entry) => entry.toDate >= wallClockOf(now.getTime(), entry.timezone).date);
}
