// A forward-only pointer over a busy union: tests ranges given in non-decreasing start order.

import type { BusyUnion } from './busy-union.ts';
import { overlaps } from './overlap.ts';

/** Answers whether [start, end) is free of busy time; keeps its position between calls. */
export type BusyCursor = (start: number, end: number) => boolean;

/**
 * A cursor over `busy`. Each call skips the busy ranges ending at or before `start`, then tests
 * the next one only, so a sweep over k sorted ranges costs O(k + busy) in total.
 *
 * Invariant: correct only when successive calls have non-decreasing `start` (then the answer
 * equals "overlaps no busy range", using the same overlap rule as `overlaps`).
 */
export function busyCursor(busy: BusyUnion): BusyCursor {
  const { starts, ends, length } = busy;
  let index = 0;
  return (start, end) => {
    while (index < length && (ends[index] ?? 0) <= start) index++;
    if (index >= length) return true;
    return !overlaps(starts[index] ?? 0, ends[index] ?? 0, start, end);
  };
}
