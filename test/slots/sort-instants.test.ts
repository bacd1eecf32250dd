// sortInstants: radix sort for integer ms, native fallback otherwise.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortInstants } from '../../src/slots/sort-instants.ts';

const native = (values: readonly number[]) => Float64Array.from(values).sort();

describe('sortInstants', () => {
  it.each<[string, fc.Arbitrary<number>]>([
    ['epoch ms over two months', fc.integer({ min: 1.78e12, max: 1.78e12 + 5.2e9 })],
    ['negative and large integers', fc.integer({ min: -(2 ** 52), max: 2 ** 52 })],
    ['few distinct values', fc.integer({ min: 0, max: 3 })],
    ['fractions (native fallback)', fc.double({ min: -1e6, max: 1e6, noNaN: true })],
  ])('sorts %s like the native sort', (_name, value) => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 3000 }), (values) => {
        expect(sortInstants(Float64Array.from(values))).toEqual(native(values));
      }),
      { numRuns: 30 },
    );
  });

  it.each([2048, 2048 * 2048, 2 ** 33])('needs every digit when the span is exactly %i', (span) => {
    const values = Array.from({ length: 600 }, (_, i) => (i === 300 ? span : 599 - i));
    expect(sortInstants(Float64Array.from(values))).toEqual(native(values));
  });

  it('handles infinities', () => {
    const values = Array.from({ length: 600 }, (_, i) =>
      i % 7 === 0 ? Number.POSITIVE_INFINITY : 600 - i,
    );
    expect(sortInstants(Float64Array.from(values))).toEqual(native(values));
  });
});
