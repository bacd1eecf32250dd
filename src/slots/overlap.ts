// Overlap of half-open instant ranges: touching is not overlapping, empty ranges overlap nothing.

import type { Interval } from './slot-types.ts';

/**
 * Whether [aStart, aEnd) and [bStart, bEnd) share at least one instant.
 *
 * Invariants: symmetric; false when either range is empty (end <= start) or only touches the
 * other; false when any bound is NaN.
 */
export function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return Math.max(aStart, bStart) < Math.min(aEnd, bEnd);
}

/** Whether [start, end) overlaps any of the intervals. Cost O(intervals); no sorting needed. */
export function overlapsAny(intervals: readonly Interval[], start: number, end: number): boolean {
  return intervals.some((interval) => overlaps(interval.start, interval.end, start, end));
}
