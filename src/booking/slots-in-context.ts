// The slots a loaded context offers: the engine's slots less the ones a booking limit excludes.
import { computeSlots } from '../slots/compute-slots.ts';
import { countStarts, fullPeriodAt, fullPeriodOn } from '../slots/limit-days.ts';
import { formatEpochDay, parseLocalDate } from '../slots/local-date.ts';
import type { Slot } from '../slots/slot-types.ts';
import { clientAtLimit, periodLimits } from './booking-limits.ts';
import type { BookingContext } from './load-booking-context.ts';

/** A local date of a listed range that a service limit fills: no slot of it can be taken. */
export type FullDay = {
  readonly date: string;
  readonly limit: 'SERVICE_PER_DAY' | 'SERVICE_PER_WEEK';
  readonly max: number;
};

/**
 * The slots of `range` (local days from `from`, provider's zone) that decideInContext would
 * accept at `now`: computeSlots less the starts whose local day or ISO week already holds the
 * service's most bookings, and none at all when the context's client is at the provider's
 * per-client limit. The context must have been loaded for (at least) that range, so its counts
 * cover the range's whole weeks. Pure.
 * @throws RangeError as computeSlots does.
 */
export function slotsInContext(
  context: BookingContext,
  range: { readonly from: string; readonly days: number },
  now: Date,
): Slot[] {
  if (clientAtLimit(context)) return [];
  const { rules, busy } = context;
  const slots = computeSlots({
    rules,
    busy,
    from: range.from,
    days: range.days,
    now: now.getTime(),
  });
  const limits = periodLimits(context);
  if (limits.perDay === null && limits.perWeek === null) return slots;
  const counts = countStarts(context.serviceStarts, rules.timezone);
  return slots.filter((slot) => fullPeriodAt(counts, slot.start, rules.timezone, limits) === null);
}

/**
 * The local dates of `range` whose day or ISO week already holds the service's most bookings,
 * with the limit that fills them (the day's first). Empty when the service sets no limit. Pure;
 * the context must cover the range as for slotsInContext.
 * @throws RangeError on an invalid `from`.
 */
export function fullDaysInContext(
  context: BookingContext,
  range: { readonly from: string; readonly days: number },
): FullDay[] {
  const limits = periodLimits(context);
  if (limits.perDay === null && limits.perWeek === null) return [];
  const counts = countStarts(context.serviceStarts, context.rules.timezone);
  const first = parseLocalDate(range.from);
  const full: FullDay[] = [];
  for (let day = first; day < first + range.days; day++) {
    const period = fullPeriodOn(counts, day, limits);
    if (period === 'DAY' && limits.perDay !== null) {
      full.push({ date: formatEpochDay(day), limit: 'SERVICE_PER_DAY', max: limits.perDay });
    } else if (period === 'WEEK' && limits.perWeek !== null) {
      full.push({ date: formatEpochDay(day), limit: 'SERVICE_PER_WEEK', max: limits.perWeek });
    }
  }
  return full;
}
