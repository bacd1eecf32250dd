// The slots a loaded context offers: the engine's slots less the ones a booking limit excludes.
import { computeSlots } from '../slots/compute-slots.ts';
import { countStarts, fullPeriodAt } from '../slots/limit-days.ts';
import type { Slot } from '../slots/slot-types.ts';
import { clientAtLimit, periodLimits } from './booking-limits.ts';
import type { BookingContext } from './load-booking-context.ts';

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
