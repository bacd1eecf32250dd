// Why a local day offers no slots before busy times count: over, too soon, too far ahead, closed.

import {
  type BookingHorizon,
  bookingHorizon,
  type HorizonRejection,
  horizonRejection,
} from './booking-horizon.ts';
import { boundaryInstant, buildDayClock } from './day-clock.ts';
import { availableWindows, openWindows } from './day-windows.ts';
import { gridStarts } from './grid-starts.ts';
import { formatEpochDay, parseLocalDate } from './local-date.ts';
import { compileRules, type SlotPlan } from './slot-plan.ts';
import type { LocalDate, SlotRules } from './slot-types.ts';
import { DAY_MS, MAX_OFFSET_MS, MIN_OFFSET_MS, MINUTE_MS, MINUTES_PER_DAY } from './time-units.ts';

/** The reason a day has no bookable slot whatever the appointments, with what explains it. */
export type NoSlotsReason =
  | { readonly reason: 'IN_THE_PAST' }
  | { readonly reason: 'TOO_SOON'; readonly minNoticeMinutes: number; readonly earliest: number }
  | { readonly reason: 'TOO_FAR_AHEAD'; readonly maxAdvanceDays: number; readonly latest: number }
  | { readonly reason: 'BLOCKED' }
  | { readonly reason: 'CLOSED' };

/** A local date of a listed range that offers no slot whatever the appointments, and why. */
export type ClosedDay = { readonly date: LocalDate; readonly why: NoSlotsReason };

/**
 * Why `day` (local date in the rules' zone) offers no slot at `now` ignoring appointments, or
 * null when it has grid starts inside the booking horizon (then an empty listing means every
 * one is taken). In order: IN_THE_PAST when the day has ended; TOO_FAR_AHEAD when it starts
 * after now + maxAdvanceDays; BLOCKED when blocked overrides remove every start it would have;
 * CLOSED when it has no start at all (no hours); else, when every start is outside the horizon,
 * the last start's reason: IN_THE_PAST (all have passed), TOO_SOON (within min notice) or
 * TOO_FAR_AHEAD. Invariant: null iff computeSlots for the day with no busy times offers a slot.
 * Callers with a listing use its closedDays instead (listSlots returns them as `closed`).
 * @throws RangeError on invalid rules (see compileRules), a malformed day or a non-finite now.
 * @internal the one-day form, for tests and callers that hold the rules
 */
export function whyNoSlots(rules: SlotRules, day: LocalDate, now: number): NoSlotsReason | null {
  const plan = compileRules(rules);
  return whyDayIsClosed(plan, bookingHorizon(plan, now), parseLocalDate(day));
}

/**
 * The days of `days` local dates from `from` for which whyNoSlots is not null, in order, with
 * their reasons. Cost O(days + their grids): rules are compiled once.
 * @throws RangeError as whyNoSlots, or when days is not a positive integer.
 */
export function closedDays(
  rules: SlotRules,
  from: LocalDate,
  days: number,
  now: number,
): ClosedDay[] {
  if (!Number.isInteger(days) || days < 1) {
    throw new RangeError(`days must be a positive integer, got ${days}`);
  }
  const plan = compileRules(rules);
  const horizon = bookingHorizon(plan, now);
  const first = parseLocalDate(from);
  const closed: ClosedDay[] = [];
  for (let day = first; day < first + days; day++) {
    const why = whyDayIsClosed(plan, horizon, day);
    if (why !== null) closed.push({ date: formatEpochDay(day), why });
  }
  return closed;
}

function whyDayIsClosed(
  plan: SlotPlan,
  horizon: BookingHorizon,
  epochDay: number,
): NoSlotsReason | null {
  const tooFar = {
    reason: 'TOO_FAR_AHEAD',
    maxAdvanceDays: plan.maxAdvanceMs / DAY_MS,
    latest: horizon.latest,
  } as const;
  // Offsets lie within -12h..+14h: most days are judged without asking for the zone's offsets.
  const wallMidnight = epochDay * DAY_MS;
  if (wallMidnight + DAY_MS - MIN_OFFSET_MS <= horizon.now) return { reason: 'IN_THE_PAST' };
  if (wallMidnight - MAX_OFFSET_MS > horizon.latest) return tooFar;
  const open = openWindows(plan, epochDay);
  const available = open.length > 0 ? open : availableWindows(plan, epochDay);
  const nearEdge =
    wallMidnight + DAY_MS - MAX_OFFSET_MS <= horizon.now ||
    wallMidnight - MIN_OFFSET_MS > horizon.latest;
  if (available.length === 0 && !nearEdge) return { reason: 'CLOSED' };
  const clock = buildDayClock(plan.zone, epochDay);
  if (boundaryInstant(clock, MINUTES_PER_DAY) <= horizon.now) return { reason: 'IN_THE_PAST' };
  if (boundaryInstant(clock, 0) > horizon.latest) return tooFar;
  const starts = gridStarts(plan, clock, open);
  const last = starts.at(-1);
  if (last === undefined) {
    const blockedAway = gridStarts(plan, clock, availableWindows(plan, epochDay)).length > 0;
    return { reason: blockedAway ? 'BLOCKED' : 'CLOSED' };
  }
  if (starts.some((start) => horizonRejection(horizon, start) === null)) return null;
  return horizonReason(horizonRejection(horizon, last), plan, horizon, tooFar);
}

/** The reason for a day whose last start is outside the horizon by `rejection`. */
function horizonReason(
  rejection: HorizonRejection | null,
  plan: SlotPlan,
  horizon: BookingHorizon,
  tooFar: NoSlotsReason,
): NoSlotsReason {
  switch (rejection) {
    case 'IN_THE_PAST':
      return { reason: 'IN_THE_PAST' };
    case 'TOO_SOON':
      return {
        reason: 'TOO_SOON',
        minNoticeMinutes: plan.minNoticeMs / MINUTE_MS,
        earliest: horizon.earliest,
      };
    default:
      return tooFar;
  }
}
