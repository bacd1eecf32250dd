// Union and difference of ranges of minutes within one local day.

/** Local minutes [start, end) of one day, 0 <= start < end <= 1440. */
export type MinuteRange = { readonly start: number; readonly end: number };

/**
 * Union of ranges: sorted by start, overlapping or touching ranges merged into one.
 *
 * Invariants: the result is sorted, pairwise disjoint and non-adjacent (each next start is
 * strictly greater than the previous end); empty input ranges (end <= start) are dropped. The
 * input is not mutated.
 */
export function mergeMinuteRanges(ranges: readonly MinuteRange[]): MinuteRange[] {
  const sorted = ranges.filter((range) => range.end > range.start);
  sorted.sort((a, b) => a.start - b.start);
  const merged: MinuteRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last !== undefined && range.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    } else {
      merged.push(range);
    }
  }
  return merged;
}

/**
 * The parts of `ranges` not covered by any of `cuts`.
 *
 * Invariants: keeps the order of `ranges` (sorted in, sorted out); never returns empty ranges; a
 * cut touching a range without overlapping leaves it whole. Cost O(ranges x cuts), both tiny.
 */
export function subtractMinuteRanges(
  ranges: readonly MinuteRange[],
  cuts: readonly MinuteRange[],
): MinuteRange[] {
  let remaining: MinuteRange[] = [...ranges];
  for (const cut of cuts) {
    remaining = remaining.flatMap((range) => cutRange(range, cut));
  }
  return remaining;
}

/** What remains of one range after removing one cut: zero, one or two non-empty pieces. */
function cutRange(range: MinuteRange, cut: MinuteRange): MinuteRange[] {
  const before = { start: range.start, end: Math.min(range.end, cut.start) };
  const after = { start: Math.max(range.start, cut.end), end: range.end };
  return [before, after].filter((piece) => piece.end > piece.start);
}
