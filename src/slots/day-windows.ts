// The open windows of one local day: weekly windows and overrides combined.

import { weekdayOfEpochDay } from './local-date.ts';
import { type MinuteRange, mergeMinuteRanges, subtractMinuteRanges } from './minute-ranges.ts';
import type { SlotPlan } from './slot-plan.ts';

/**
 * The day's windows before blocking: union of its weekday's weekly windows and its extra
 * availability overrides (which also open a day that has no weekly window).
 *
 * Invariants: sorted, disjoint, non-adjacent, within 0-1440; blocked overrides are ignored.
 */
export function availableWindows(plan: SlotPlan, epochDay: number): readonly MinuteRange[] {
  const weekly = plan.weeklyByWeekday[weekdayOfEpochDay(epochDay)] ?? [];
  const extra = plan.overridesByDay.get(epochDay)?.extra ?? [];
  return extra.length === 0 ? weekly : mergeMinuteRanges([...weekly, ...extra]);
}

/**
 * The day's open windows: availableWindows minus every blocked override of that day (a blocked
 * override without times is the range 0-1440 and so empties the day, extra availability too).
 *
 * Invariants: sorted, disjoint, within 0-1440; a subset of availableWindows for the same day.
 */
export function openWindows(plan: SlotPlan, epochDay: number): readonly MinuteRange[] {
  const available = availableWindows(plan, epochDay);
  const blocked = plan.overridesByDay.get(epochDay)?.blocked ?? [];
  return blocked.length === 0 ? available : subtractMinuteRanges(available, blocked);
}
