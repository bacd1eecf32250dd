// Lists the bookable slots of a range of local days: the engine's main entry point.

import { bookingHorizon, horizonDays, horizonRejection } from './booking-horizon.ts';
import { busyCursor } from './busy-cursor.ts';
import { busyUnion } from './busy-union.ts';
import { buildDayClock } from './day-clock.ts';
import { openWindows } from './day-windows.ts';
import { gridStarts } from './grid-starts.ts';
import { parseLocalDate } from './local-date.ts';
import { compileRules } from './slot-plan.ts';
import type { Slot, SlotQuery } from './slot-types.ts';

/**
 * The slots offered on `days` local dates from `from`, in the provider's timezone.
 *
 * A slot [s, s + duration) is offered when s is on the grid of an open window of its day and
 * fits in it, now + minNotice <= s <= now + maxAdvanceDays * 24h, and [s, s + duration + buffer)
 * overlaps no appointment. Agrees exactly with checkSlot.
 *
 * Invariants: sorted by start, strictly (no duplicates); every slot's local date is in the range.
 * Cost: O(busy log busy + days + slots): busy is merged once and swept with one pointer, and
 * luxon is only asked for offsets twice per day (plus a bisection on DST transition days).
 * @throws RangeError on invalid rules (see compileRules), an invalid `from`, `days` not a
 * positive integer, or a non-finite `now`.
 */
export function computeSlots(query: SlotQuery): Slot[] {
  const plan = compileRules(query.rules);
  const firstDay = parseLocalDate(query.from);
  if (!Number.isInteger(query.days) || query.days < 1) {
    throw new RangeError(`days must be a positive integer, got ${query.days}`);
  }
  const horizon = bookingHorizon(plan, query.now);
  const bookableDays = horizonDays(horizon);
  const isFree = busyCursor(busyUnion(query.busy.appointments));
  const slots: Slot[] = [];
  const lastDay = Math.min(firstDay + query.days - 1, bookableDays.last);
  for (let day = Math.max(firstDay, bookableDays.first); day <= lastDay; day++) {
    const windows = openWindows(plan, day);
    if (windows.length === 0) continue;
    for (const start of gridStarts(plan, buildDayClock(plan.zone, day), windows)) {
      if (horizonRejection(horizon, start) !== null) continue;
      if (!isFree(start, start + plan.durationMs + plan.bufferMs)) continue;
      slots.push({ start, end: start + plan.durationMs });
    }
  }
  return slots;
}
