// busyUnion and busyCursor: the merged busy set and the forward sweep over sorted slots.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { busyCursor } from '../../src/slots/busy-cursor.ts';
import { busyUnion } from '../../src/slots/busy-union.ts';
import type { Interval } from '../../src/slots/slot-types.ts';

const toPairs = (intervals: readonly Interval[]) => {
  const union = busyUnion(intervals);
  return Array.from({ length: union.length }, (_, i) => [union.starts[i], union.ends[i]]);
};

describe('busyUnion', () => {
  it.each<[string, Interval[], number[][]]>([
    ['empty', [], []],
    [
      'drops empty and NaN intervals',
      [
        { start: 5, end: 5 },
        { start: 9, end: 3 },
        { start: Number.NaN, end: 4 },
      ],
      [],
    ],
    [
      'keeps disjoint ranges, sorted',
      [
        { start: 20, end: 30 },
        { start: 0, end: 10 },
      ],
      [
        [0, 10],
        [20, 30],
      ],
    ],
    [
      'merges overlapping and nested ranges',
      [
        { start: 0, end: 10 },
        { start: 5, end: 15 },
        { start: 6, end: 7 },
      ],
      [[0, 15]],
    ],
    [
      'merges touching ranges',
      [
        { start: 10, end: 20 },
        { start: 0, end: 10 },
      ],
      [[0, 20]],
    ],
    [
      'handles an open-ended range',
      [
        { start: 50, end: Number.POSITIVE_INFINITY },
        { start: 0, end: 60 },
      ],
      [[0, Number.POSITIVE_INFINITY]],
    ],
  ])('%s', (_name, intervals, expected) => {
    expect(toPairs(intervals)).toEqual(expected);
  });
});

describe('busyCursor', () => {
  it.each<[string, Interval[], [number, number][], boolean[]]>([
    [
      'touching is free, overlapping is not',
      [
        { start: 0, end: 9 },
        { start: 10, end: 12 },
        { start: 25, end: 26 },
      ],
      [
        [9, 10],
        [11, 13],
        [12, 25],
        [26, 30],
      ],
      [true, false, true, true],
    ],
    [
      'a range ending at the start is passed and the next one still seen',
      [
        { start: 5, end: 9 },
        { start: 10, end: 12 },
      ],
      [[9, 11]],
      [false],
    ],
    ['nothing busy', [], [[0, 100]], [true]],
  ])('%s', (_name, busy, queries, expected) => {
    const isFree = busyCursor(busyUnion(busy));
    expect(queries.map(([start, end]) => isFree(start, end))).toEqual(expected);
  });

  it('agrees with a naive scan on large random inputs (radix sort path)', () => {
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 50 }))
      .map(([start, length]) => ({
        start: 1.78e12 + start * 60_000,
        end: 1.78e12 + (start + length) * 60_000,
      }));
    fc.assert(
      fc.property(
        fc.array(interval, { minLength: 600, maxLength: 1500 }),
        fc.array(interval, { maxLength: 200 }),
        (busy, probes) => {
          const sorted = [...probes].sort((a, b) => a.start - b.start);
          const isFree = busyCursor(busyUnion(busy));
          for (const probe of sorted) {
            const naive = !busy.some(
              (b) => Math.max(b.start, probe.start) < Math.min(b.end, probe.end),
            );
            expect(isFree(probe.start, probe.end)).toBe(naive);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});
