// The booking limits of a loaded context: a service's day and week, a client's upcoming bookings.
import type { LimitReached } from '../domain/outcome.ts';
import { countStarts, fullPeriodOn, mondayOf, type PeriodLimits } from '../slots/limit-days.ts';
import { formatEpochDay } from '../slots/local-date.ts';
import { epochDayOf } from '../slots/local-time.ts';
import { resolveTimeZone } from '../slots/time-zone.ts';
import type { BookingContext } from './load-booking-context.ts';

type LimitFacts = Pick<
  BookingContext,
  'provider' | 'service' | 'client' | 'rules' | 'serviceStarts' | 'clientActiveCount'
>;

/** The service's day and week limits as the counting functions take them. */
export function periodLimits(context: Pick<BookingContext, 'service'>): PeriodLimits {
  return {
    perDay: context.service.maxBookingsPerDay,
    perWeek: context.service.maxBookingsPerWeek,
  };
}

/**
 * True when the context's client already holds the provider's most active future bookings, so
 * no start at all can be taken by them. False without a client or a per-client limit.
 */
export function clientAtLimit(context: LimitFacts): boolean {
  const max = context.provider.maxActiveBookingsPerClient;
  return context.client !== null && max !== null && context.clientActiveCount >= max;
}

/**
 * LIMIT_REACHED when taking `start` would exceed a limit: the service's bookings on the start's
 * local day (SERVICE_PER_DAY) or ISO week (SERVICE_PER_WEEK) in the provider's zone, then the
 * client's active future bookings with the provider (CLIENT_ACTIVE); null when none is full.
 * Pure: judges the counts the context loaded, which hold under the provider's lock. The
 * appointment being moved is already left out of those counts.
 */
export function limitRefusal(context: LimitFacts, start: Date): LimitReached | null {
  const limits = periodLimits(context);
  const counts = countStarts(context.serviceStarts, context.rules.timezone);
  const day = epochDayOf(start.getTime(), resolveTimeZone(context.rules.timezone));
  const full = fullPeriodOn(counts, day, limits);
  if (full === 'DAY' && limits.perDay !== null) {
    const date = formatEpochDay(day);
    return { ok: false, code: 'LIMIT_REACHED', limit: 'SERVICE_PER_DAY', max: limits.perDay, date };
  }
  if (full === 'WEEK' && limits.perWeek !== null) {
    const date = formatEpochDay(mondayOf(day));
    return {
      ok: false,
      code: 'LIMIT_REACHED',
      limit: 'SERVICE_PER_WEEK',
      max: limits.perWeek,
      date,
    };
  }
  const max = context.provider.maxActiveBookingsPerClient;
  if (clientAtLimit(context) && max !== null) {
    return { ok: false, code: 'LIMIT_REACHED', limit: 'CLIENT_ACTIVE', max };
  }
  return null;
}
