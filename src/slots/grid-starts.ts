// The slot grid of a day's windows: starts stepping in local minutes, converted to instants.

import { boundaryInstant, type DayClock, instantOfLocalMinute } from './day-clock.ts';
import type { MinuteRange } from './minute-ranges.ts';
import type { SlotPlan } from './slot-plan.ts';

/**
 * Starts (epoch ms) of every grid slot that fits its window, before notice, advance and busy
 * checks.
 *
 * Grid: each window's local start, then + stepMinutes of local wall-clock time while before the
 * window's local end. Nonexistent local times (spring-forward gap) are skipped; ambiguous ones
 * take their first occurrence. A slot fits when [start, start + duration) ends no later than the
 * window's end instant (its buffer may run past it).
 *
 * Invariants: for sorted disjoint windows of one day, the result is strictly increasing.
 */
export function gridStarts(
  plan: SlotPlan,
  clock: DayClock,
  windows: readonly MinuteRange[],
): number[] {
  const starts: number[] = [];
  for (const window of windows) {
    const windowEnd = boundaryInstant(clock, window.end);
    for (let minute = window.start; minute < window.end; minute += plan.stepMinutes) {
      const start = instantOfLocalMinute(clock, minute);
      if (start === null) continue;
      // Local-to-instant is increasing, so no later grid slot of this window fits either.
      if (start + plan.durationMs > windowEnd) break;
      starts.push(start);
    }
  }
  return starts;
}
