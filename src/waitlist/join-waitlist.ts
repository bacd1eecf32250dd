// A client asks to be told when a time opens with a provider and service on some days.
import { and, eq, sql } from 'drizzle-orm';
import { isCalendarDate } from '../catalog/calendar-date.ts';
import type { Database } from '../db/database.ts';
import { clients } from '../db/schema/clients.ts';
import { providers, services } from '../db/schema/providers.ts';
import { waitlistEntries } from '../db/schema/waitlist.ts';
import { isUuid } from '../domain/is-uuid.ts';
import {
  type InvalidInput,
  invalidInput,
  type NotFound,
  notFound,
  type Ok,
  ok,
} from '../domain/outcome.ts';
import { normalizeTimezone } from '../domain/timezone.ts';
import { parseLocalDate } from '../slots/local-date.ts';
import { PARTS_OF_DAY, type PartOfDay, wallClockOf } from './part-of-day.ts';
import { MAX_SPAN_DAYS, type WaitlistEntry } from './waitlist-entry.ts';

export type JoinRequest = {
  readonly clientId: string;
  readonly providerId: string;
  readonly serviceId: string;
  /** Local dates (inclusive) on the wall clock of `timezone`, 'YYYY-MM-DD'. */
  readonly fromDate: string;
  readonly toDate: string;
  readonly partOfDay: PartOfDay;
  /** The client's zone; the dates and the part of the day are read on its clock. */
  readonly timezone: string;
};

/**
 * Puts the client in the provider's line for the service. VALIDATION_ERROR for a bad zone or
 * date, toDate before fromDate or today (in the zone at `now`), or a span over 62 days;
 * NOT_FOUND for an unknown client, an unknown or inactive provider or service, or a service not
 * the provider's. Invariant: a client has at most one WAITING entry per provider, service, dates
 * and part of day: asking again returns the existing one (a per-client transaction lock
 * serialises two asks at once).
 */
export async function joinWaitlist(
  db: Database,
  request: JoinRequest,
  now: Date,
): Promise<Ok<WaitlistEntry> | NotFound | InvalidInput> {
  const refused = checkDates(request, now);
  if (refused) return refused;
  const timezone = normalizeTimezone(request.timezone) ?? request.timezone;
  if (!isUuid(request.clientId)) return notFound('client');
  if (!isUuid(request.providerId)) return notFound('provider');
  if (!isUuid(request.serviceId)) return notFound('service');
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`waitlist:${request.clientId}`}, 0))`,
    );
    const [client] = await tx
      .select({ id: clients.id })
      .from(clients)
      .where(eq(clients.id, request.clientId));
    if (!client) return notFound('client');
    const [provider] = await tx
      .select({ active: providers.isActive })
      .from(providers)
      .where(eq(providers.id, request.providerId));
    if (!provider?.active) return notFound('provider');
    const [service] = await tx
      .select({ active: services.isActive })
      .from(services)
      .where(and(eq(services.id, request.serviceId), eq(services.providerId, request.providerId)));
    if (!service?.active) return notFound('service');
    const same = and(
      eq(waitlistEntries.clientId, request.clientId),
      eq(waitlistEntries.providerId, request.providerId),
      eq(waitlistEntries.serviceId, request.serviceId),
      eq(waitlistEntries.fromDate, request.fromDate),
      eq(waitlistEntries.toDate, request.toDate),
      eq(waitlistEntries.partOfDay, request.partOfDay),
      eq(waitlistEntries.status, 'WAITING'),
    );
    const [existing] = await tx.select().from(waitlistEntries).where(same);
    if (existing) return ok(existing);
    const [entry] = await tx
      .insert(waitlistEntries)
      .values({ ...request, timezone, createdAt: now, updatedAt: now })
      .returning();
    if (!entry) throw new WaitlistStoreError('the entry was not stored');
    return ok(entry);
  });
}

/** Why the dates or zone cannot make an entry, or null when they can. */
function checkDates(request: JoinRequest, now: Date): InvalidInput | null {
  const timezone = normalizeTimezone(request.timezone);
  if (timezone === null)
    return invalidInput('timezone must be an IANA zone', { field: 'timezone' });
  for (const field of ['fromDate', 'toDate'] as const) {
    if (!isCalendarDate(request[field])) {
      return invalidInput(`${field} must be a date, YYYY-MM-DD`, { field });
    }
  }
  if (!PARTS_OF_DAY.includes(request.partOfDay)) {
    return invalidInput('partOfDay must be ANY, MORNING, AFTERNOON or EVENING', {
      field: 'partOfDay',
    });
  }
  const today = wallClockOf(now.getTime(), timezone).date;
  if (request.toDate < today) return invalidInput('the dates are past', { field: 'toDate', today });
  if (request.fromDate < today)
    return invalidInput('fromDate is past', { field: 'fromDate', today });
  const span = parseLocalDate(request.toDate) - parseLocalDate(request.fromDate);
  if (span < 0) return invalidInput('toDate is before fromDate', { field: 'toDate' });
  if (span > MAX_SPAN_DAYS) {
    return invalidInput(`at most ${MAX_SPAN_DAYS} days after fromDate`, { field: 'toDate' });
  }
  return null;
}

/** A waitlist row could not be written or read back: a fault, never an expected outcome. */
export class WaitlistStoreError extends Error {
  override name = 'WaitlistStoreError';
}
