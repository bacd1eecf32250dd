// Finds the UTC-offset transitions of a zone inside a short instant span by bisection.

import { offsetMsAt, type TimeZone } from './time-zone.ts';

/** Instants [from, to) during which the zone's UTC offset is offsetMs. */
export type OffsetSegment = {
  readonly from: number;
  readonly to: number;
  readonly offsetMs: number;
};

const SECOND_MS = 1000;

/**
 * Splits the time line around [from, to] into constant-offset segments.
 *
 * Invariants: segments are in time order, contiguous, the first starts at -Infinity and the last
 * ends at +Infinity; transitions are exact to the second. Costs two offset look-ups when the
 * offset at `from` equals the one at `to` (then the span is taken as transition-free: two
 * transitions cancelling out inside the span are not detected), plus ~18 per transition found.
 * `from` and `to` must be whole seconds with from <= to.
 */
export function offsetSegments(zone: TimeZone, from: number, to: number): OffsetSegment[] {
  const endOffset = offsetMsAt(zone, to);
  const segments: OffsetSegment[] = [];
  let segmentStart = Number.NEGATIVE_INFINITY;
  let cursor = from;
  let cursorOffset = offsetMsAt(zone, from);
  while (cursorOffset !== endOffset) {
    const transition = findTransition(zone, cursor, cursorOffset, to);
    segments.push({ from: segmentStart, to: transition, offsetMs: cursorOffset });
    segmentStart = transition;
    cursor = transition;
    cursorOffset = offsetMsAt(zone, transition);
  }
  segments.push({ from: segmentStart, to: Number.POSITIVE_INFINITY, offsetMs: cursorOffset });
  return segments;
}

/**
 * First whole second in (low, high] whose offset differs from lowOffset, given that the offset
 * at `low` is lowOffset and the offset at `high` differs from it.
 */
function findTransition(zone: TimeZone, low: number, lowOffset: number, high: number): number {
  let lo = low;
  let hi = high;
  while (hi - lo > SECOND_MS) {
    const mid = lo + Math.floor((hi - lo) / (2 * SECOND_MS)) * SECOND_MS;
    if (offsetMsAt(zone, mid) === lowOffset) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return hi;
}
