// Lists the bookable slots of a service over a range of the provider's local days.
import type { Database } from '../db/database.ts';
import type { Service } from '../domain/catalog.ts';
import type { InvalidInput, LimitReached, NotFound, Ok } from '../domain/outcome.ts';
import { invalidInput, notFound } from '../domain/outcome.ts';
import { formatEpochDay } from '../slots/local-date.ts';
import type { Slot } from '../slots/slot-types.ts';
import { type ClosedDay, closedDays } from '../slots/why-no-slots.ts';
import { clientAtLimit } from './booking-limits.ts';
import { loadBookingContext } from './load-booking-context.ts';
import { type FullDay, fullDaysInContext, slotsInContext } from './slots-in-context.ts';

/** The longest range one call may ask for. */
export const MAX_DAYS = 62;

export type SlotList = {
  readonly timezone: string;
  readonly service: Service;
  readonly slots: Slot[];
  /**
   * The dates of the range that offer no slot whatever the appointments, and why (past, within
   * notice, past max advance, blocked, no hours). A date with no slot that is not here is full.
   */
  readonly closed: ClosedDay[];
  /** The dates of the range a service limit (per day or per week) has filled. */
  readonly full: FullDay[];
  /**
   * CLIENT_ACTIVE when the asked-for client already holds the provider's most upcoming bookings
   * (then `slots` is empty); null otherwise, and always without a clientId.
   */
  readonly clientLimit: LimitReached | null;
};

/**
 * The slots bookAppointment would accept at `now`, for `days` local days from `from`
 * ('YYYY-MM-DD' in the provider's zone): none on a day or in a week at the service's limit, and,
 * with `clientId`, none at all when that client is at the provider's per-client limit (without
 * it the per-client limit is not judged). One database round trip; the engine does the rest.
 * NOT_FOUND when the provider or service is missing, inactive, or not the provider's;
 * VALIDATION_ERROR for a malformed date or days outside 1..62.
 */
export async function listSlots(
  db: Database,
  input: {
    providerId: string;
    serviceId: string;
    from: string;
    days: number;
    clientId?: string | null;
  },
  now: Date,
): Promise<Ok<SlotList> | NotFound | InvalidInput> {
  const day = epochDayOf(input.from);
  if (day === null) return invalidInput('from must be a date, YYYY-MM-DD', { from: input.from });
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_DAYS) {
    return invalidInput(`days must be a whole number from 1 to ${MAX_DAYS}`, { days: input.days });
  }
  const context = await loadBookingContext(db.$client, {
    providerId: input.providerId,
    serviceId: input.serviceId,
    clientId: input.clientId ?? null,
    fromDate: formatEpochDay(day - 1),
    toDate: formatEpochDay(day + input.days + 1),
    rangeStart: new Date((day - 2) * DAY_MS),
    rangeEnd: new Date((day + input.days + 2) * DAY_MS),
    excludeAppointmentId: null,
    idempotency: null,
    now,
  });
  if (!context.ok) return context;
  if (!context.provider.isActive) return notFound('provider');
  if (!context.service.isActive) return notFound('service');
  const slots = slotsInContext(context, input, now);
  const closed = closedDays(context.rules, input.from, input.days, now.getTime());
  const full = fullDaysInContext(context, input);
  const max = context.provider.maxActiveBookingsPerClient;
  const clientLimit: LimitReached | null =
    clientAtLimit(context) && max !== null
      ? { ok: false, code: 'LIMIT_REACHED', limit: 'CLIENT_ACTIVE', max }
      : null;
  const { timezone } = context.provider;
  return {
    ok: true,
    value: { timezone, service: context.service, slots, closed, full, clientLimit },
  };
}

const DAY_MS = 86_400_000;

/**
 * Days since 1970-01-01 of a real 'YYYY-MM-DD' date (years 0000-9999, proleptic Gregorian, as
 * luxon's fromISO accepted them here before), or null. Plain Date arithmetic: luxon's parsing and
 * date maths cost more than the rest of a one-day listing.
 */
function epochDayOf(date: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  at.setUTCFullYear(year, month - 1, day);
  const real =
    at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day;
  return real ? at.getTime() / DAY_MS : null;
}
