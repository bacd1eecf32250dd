// Explains whether computeSlots would offer one given start, and if not, why.

import { bookingHorizon, horizonRejection } from './booking-horizon.ts';
import { boundaryInstant, buildDayClock, type DayClock } from './day-clock.ts';
import { availableWindows, openWindows } from './day-windows.ts';
import { gridStarts } from './grid-starts.ts';
import { epochDayOf } from './local-time.ts';
import type { MinuteRange } from './minute-ranges.ts';
import { overlapsAny } from './overlap.ts';
import { compileRules, type SlotPlan } from './slot-plan.ts';
import type { BusyTimes, SlotCheck, SlotRules } from './slot-types.ts';

/** What checkSlot needs: the rules, the busy times and the candidate start, all epoch ms. */
export type SlotCheckInput = {
  readonly rules: SlotRules;
  readonly busy: BusyTimes;
  readonly start: number;
  readonly now: number;
};

/**
 * Whether computeSlots would offer a slot starting exactly at `start`, and if not the first
 * reason in this order: IN_THE_PAST (start < now); TOO_SOON (start < now + minNotice);
 * TOO_FAR_AHEAD (start > now + maxAdvanceDays * 24h); not a fitting grid start of an open window
 * of its local day: BLOCKED if it would be without the blocked overrides, else OFF_GRID when
 * [start, start + duration) lies inside an open window, else OUTSIDE_AVAILABILITY; TAKEN when
 * [start, start + duration + buffer) overlaps an appointment. External calendars' busy time
 * arrives as blocked overrides, so it shows as BLOCKED.
 *
 * Invariant: ok iff computeSlots over the local date of `start` offers a slot at `start` (it uses
 * the same plan, horizon, day clock, windows, grid and overlap rule). Cost O(busy + day's grid).
 * @throws RangeError on invalid rules (see compileRules) or a non-finite `start` or `now`.
 */
export function checkSlot(input: SlotCheckInput): SlotCheck {
  const { rules, busy, start, now } = input;
  if (!Number.isFinite(start)) throw new RangeError(`start must be finite epoch ms, got ${start}`);
  const plan = compileRules(rules);
  const tooEarlyOrLate = horizonRejection(bookingHorizon(plan, now), start);
  if (tooEarlyOrLate !== null) return { ok: false, reason: tooEarlyOrLate };
  const day = epochDayOf(start, plan.zone);
  const clock = buildDayClock(plan.zone, day);
  const open = openWindows(plan, day);
  if (!isGridStart(plan, clock, open, start)) {
    if (isGridStart(plan, clock, availableWindows(plan, day), start)) {
      return { ok: false, reason: 'BLOCKED' };
    }
    const inside = fitsInside(clock, open, start, start + plan.durationMs);
    return { ok: false, reason: inside ? 'OFF_GRID' : 'OUTSIDE_AVAILABILITY' };
  }
  const end = start + plan.durationMs + plan.bufferMs;
  if (overlapsAny(busy.appointments, start, end)) return { ok: false, reason: 'TAKEN' };
  return { ok: true, slot: { start, end: start + plan.durationMs } };
}

function isGridStart(
  plan: SlotPlan,
  clock: DayClock,
  windows: readonly MinuteRange[],
  start: number,
): boolean {
  return gridStarts(plan, clock, windows).includes(start);
}

/** Whether [start, end) lies within one of the windows' instants. */
function fitsInside(
  clock: DayClock,
  windows: readonly MinuteRange[],
  start: number,
  end: number,
): boolean {
  return windows.some(
    (w) => boundaryInstant(clock, w.start) <= start && end <= boundaryInstant(clock, w.end),
  );
}
