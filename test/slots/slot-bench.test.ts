// The benchmark's nested-scan baseline returns the same slots as the engine on its inputs.

import { describe, expect, it } from 'vitest';
import { buildBenchQuery, nestedScanSlots } from '../../bench/slot-bench.ts';
import { computeSlots } from '../../src/slots/compute-slots.ts';

describe('slot benchmark inputs', () => {
  it.each([1, 10])('engine and nested scan agree at scale x%i', (scale) => {
    const query = buildBenchQuery(scale);
    const slots = computeSlots(query);
    expect(slots).toEqual(nestedScanSlots(query));
    expect(slots.length).toBeGreaterThan(0);
  });
});
