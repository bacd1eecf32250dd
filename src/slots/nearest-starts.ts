// The bookable starts nearest to a refused one on its local day, for "the nearest times are ...".

import { bookingHorizon, horizonRejection } from './booking-horizon.ts';
import { busyCursor } from './busy-cursor.ts';
import { busyUnion } from './busy-union.ts';
import { buildDayClock } from './day-clock.ts';
import { openWindows } from './day-windows.ts';
import { gridStarts } from './grid-starts.ts';
import { epochDayOf } from './local-time.ts';
import { compileRules } from './slot-plan.ts';
import type { BusyTimes, SlotRules } from './slot-types.ts';

/** The latest bookable start before and the earliest after a given one; null when none. */
export type NearestStarts = { readonly before: number | null; readonly after: number | null };

/**
 * The bookable starts nearest to `start` on its local day (provider's zone): `before` is the
 * latest one < start, `after` the earliest one > start. Meant for the refusal path only.
 *
 * Invariants: each result is a start computeSlots offers at `now` (same plan, horizon, grid and
 * busy rule) on the local date of `start`, and so one checkSlot accepts; `start` itself is never
 * returned. Only that one day is searched, so the busy times and overrides a booking check
 * loads for `start` are enough. Cost O(busy log busy + day's grid).
 * @throws RangeError on invalid rules (see compileRules) or a non-finite `start` or `now`.
 */
export function nearestStarts(input: {
  readonly rules: SlotRules;
  readonly busy: BusyTimes;
  readonly start: number;
  readonly now: number;
}): NearestStarts {
  const { start } = input;
  if (!Number.isFinite(start)) throw new RangeError(`start must be finite epoch ms, got ${start}`);
  const plan = compileRules(input.rules);
  const horizon = bookingHorizon(plan, input.now);
  const day = epochDayOf(start, plan.zone);
  const isFree = busyCursor(busyUnion(input.busy.appointments));
  let before: number | null = null;
  for (const candidate of gridStarts(plan, buildDayClock(plan.zone, day), openWindows(plan, day))) {
    if (horizonRejection(horizon, candidate) !== null) continue;
    if (!isFree(candidate, candidate + plan.durationMs + plan.bufferMs)) continue;
    if (candidate > start) return { before, after: candidate };
    if (candidate < start) before = candidate;
  }
  return { before, after: null };
}
