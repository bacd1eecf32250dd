// Lists a provider's overrides within a date range, page by page, in calendar order.
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { availabilityOverrides as overrides } from '../db/schema/availability.ts';
import type { StoredOverride } from '../domain/catalog.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { InvalidInput, NotFound, Ok } from '../domain/outcome.ts';
import { notFound, ok } from '../domain/outcome.ts';
import { isCalendarDate } from './calendar-date.ts';
import { invalidField } from './field-issue.ts';
import { decodeCursor, type Page, type PageRequest, toPage } from './page.ts';
import { providerExists } from './provider-exists.ts';
import { toStoredOverride } from './stored-override.ts';

export type DateRange = {
  /** Inclusive 'YYYY-MM-DD', or null for no lower bound. */
  readonly from: string | null;
  /** Inclusive 'YYYY-MM-DD', or null for no upper bound. */
  readonly to: string | null;
};

// Whole-day overrides sort first on their date; the key must be non-null to page by it.
const startKey = sql<string>`coalesce(${overrides.startTime}, time '00:00')::text`;
// A cursor's start: 'HH:MM:SS' as PostgreSQL prints a time, 00:00:00-23:59:59.
const isTimeText = (text: string) => /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.test(text);

/**
 * One page of the provider's overrides with from <= date <= to, ordered by date, start time
 * (whole-day first) and id. VALIDATION_ERROR for a malformed date, from after to, or a foreign
 * cursor; NOT_FOUND for an unknown provider.
 */
export async function listOverrides(
  q: Queryable,
  providerId: string,
  range: DateRange,
  page: PageRequest,
): Promise<Ok<Page<StoredOverride>> | NotFound | InvalidInput> {
  const rejected = checkRange(range);
  if (rejected) return rejected;
  const cursor = decodeCursor(page.cursor, [isCalendarDate, isTimeText, isUuid]);
  if (!cursor.ok) return cursor;
  if (!(await providerExists(q, providerId))) return notFound('provider');
  const after = cursor.value;
  const rows = await q
    .select({ item: overrides, start: startKey })
    .from(overrides)
    .where(
      and(
        eq(overrides.providerId, providerId),
        range.from === null ? undefined : gte(overrides.date, range.from),
        range.to === null ? undefined : lte(overrides.date, range.to),
        after
          ? sql`(${overrides.date}, ${startKey}::time, ${overrides.id}) > (${after[0]}::date, ${after[1]}::time, ${after[2]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(overrides.date), asc(startKey), asc(overrides.id))
    .limit(page.limit + 1);
  const keyed = rows.map((r) => ({
    item: toStoredOverride(r.item),
    key: [r.item.date, r.start, r.item.id],
  }));
  return ok(toPage(keyed, page.limit));
}

function checkRange(range: DateRange): InvalidInput | null {
  if (range.from !== null && !isCalendarDate(range.from)) {
    return invalidField(['from'], 'from must be a real YYYY-MM-DD date');
  }
  if (range.to !== null && !isCalendarDate(range.to)) {
    return invalidField(['to'], 'to must be a real YYYY-MM-DD date');
  }
  if (range.from !== null && range.to !== null && range.from > range.to) {
    return invalidField(['to'], 'to must not be before from');
  }
  return null;
}
