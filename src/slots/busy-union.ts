// Sorts and merges busy intervals once into a compact union, for sweeping sorted slots.

import type { Interval } from './slot-types.ts';
import { sortInstants } from './sort-instants.ts';

/** Sorted, disjoint, non-adjacent half-open ranges [starts[i], ends[i]) for i < length. */
export type BusyUnion = {
  readonly starts: Float64Array;
  readonly ends: Float64Array;
  readonly length: number;
};

/**
 * Union of the intervals. Cost O(n) radix sorts for integer ms (see sortInstants).
 *
 * Invariants: a non-empty range overlaps the union iff it overlaps some input interval; empty or
 * NaN intervals (not end > start) are dropped; touching intervals are merged. Inputs are not
 * mutated.
 */
export function busyUnion(intervals: readonly Interval[]): BusyUnion {
  const starts = new Float64Array(intervals.length);
  const ends = new Float64Array(intervals.length);
  let n = 0;
  for (const interval of intervals) {
    if (!(interval.end > interval.start)) continue;
    starts[n] = interval.start;
    ends[n] = interval.end;
    n++;
  }
  return mergeSorted(sortInstants(starts.subarray(0, n)), sortInstants(ends.subarray(0, n)));
}

/**
 * Merges intervals given as independently sorted starts and ends (the union only depends on the
 * multisets): a merged block closes at the i-th end when the (i+1)-th start lies after it.
 * Writes the result over the input arrays, which it owns.
 */
function mergeSorted(starts: Float64Array, ends: Float64Array): BusyUnion {
  const n = starts.length;
  let length = 0;
  let blockStart = starts[0] ?? 0;
  for (let i = 0; i < n; i++) {
    const end = ends[i] ?? 0;
    const nextStart = starts[i + 1];
    if (nextStart === undefined || nextStart > end) {
      starts[length] = blockStart;
      ends[length] = end;
      length++;
      blockStart = nextStart ?? 0;
    }
  }
  return { starts, ends, length };
}
