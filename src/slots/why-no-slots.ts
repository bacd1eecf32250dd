// Why a local day offers no slots before busy times count: over, too soon, too far ahead, closed.

import { bookingHorizon, horizonRejection } from './booking-horizon.ts';
import { boundaryInstant, buildDayClock } from './day-clock.ts';
import { availableWindows, openWindows } from './day-windows.ts';
import { gridStarts } from './grid-starts.ts';
import { parseLocalDate } from './local-date.ts';
import { compileRules } from './slot-plan.ts';
import type { LocalDate, SlotRules } from './slot-types.ts';
import { MINUTES_PER_DAY } from './time-units.ts';

/** The reason a day has no bookable slot whatever the appointments, with what explains it. */
export type NoSlotsReason =
  | { readonly reason: 'IN_THE_PAST' }
  | { readonly reason: 'TOO_SOON'; readonly minNoticeMinutes: number; readonly earliest: number }
  | { readonly reason: 'TOO_FAR_AHEAD'; readonly maxAdvanceDays: number; readonly latest: number }
  | { readonly reason: 'BLOCKED' }
  | { readonly reason: 'CLOSED' };

/**
 * Why `day` (local date in the rules' zone) offers no slot at `now` ignoring appointments, or
 * null when it has grid starts inside the booking horizon (then an empty listing means every
 * one is taken). In order: IN_THE_PAST when the day has ended; TOO_FAR_AHEAD when it starts
 * after now + maxAdvanceDays; BLOCKED when blocked overrides remove every start it would have;
 * CLOSED when it has no start at all (no hours); else, when every start is outside the horizon,
 * the last start's reason: IN_THE_PAST (all have passed), TOO_SOON (within min notice) or
 * TOO_FAR_AHEAD. Invariant: null iff computeSlots for the day with no busy times offers a slot.
 * @throws RangeError on invalid rules (see compileRules), a malformed day or a non-finite now.
 */
export function whyNoSlots(rules: SlotRules, day: LocalDate, now: number): NoSlotsReason | null {
  const plan = compileRules(rules);
  const horizon = bookingHorizon(plan, now);
  const epochDay = parseLocalDate(day);
  const clock = buildDayClock(plan.zone, epochDay);
  const tooFar = {
    reason: 'TOO_FAR_AHEAD',
    maxAdvanceDays: rules.maxAdvanceDays,
    latest: horizon.latest,
  } as const;
  if (boundaryInstant(clock, MINUTES_PER_DAY) <= now) return { reason: 'IN_THE_PAST' };
  if (boundaryInstant(clock, 0) > horizon.latest) return tooFar;
  const starts = gridStarts(plan, clock, openWindows(plan, epochDay));
  const last = starts.at(-1);
  if (last === undefined) {
    const available = gridStarts(plan, clock, availableWindows(plan, epochDay));
    return { reason: available.length > 0 ? 'BLOCKED' : 'CLOSED' };
  }
  if (starts.some((start) => horizonRejection(horizon, start) === null)) return null;
  switch (horizonRejection(horizon, last)) {
    case 'IN_THE_PAST':
      return { reason: 'IN_THE_PAST' };
    case 'TOO_SOON':
      return {
        reason: 'TOO_SOON',
        minNoticeMinutes: rules.minNoticeMinutes,
        earliest: horizon.earliest,
      };
    default:
      return tooFar;
  }
}
