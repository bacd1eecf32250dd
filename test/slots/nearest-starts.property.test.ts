// Properties: nearestStarts and whyNoSlots agree with computeSlots on random rules around DST.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSlots } from '../../src/slots/compute-slots.ts';
import { localDayOf } from '../../src/slots/local-time.ts';
import { nearestStarts } from '../../src/slots/nearest-starts.ts';
import { closedDays, whyNoSlots } from '../../src/slots/why-no-slots.ts';
import { slotQuery } from './slot-arbitraries.ts';

const MINUTE = 60_000;
const RUNS = { numRuns: 200 };

describe('nearest starts and empty days, against computeSlots', () => {
  it('before/after are the day offers nearest the start, on either side', () => {
    fc.assert(
      fc.property(slotQuery, fc.integer({ min: -840, max: 1440 + 720 }), (query, minute) => {
        const start = Date.parse(`${query.from}T00:00Z`) + minute * MINUTE;
        const day = localDayOf(start, query.rules.timezone);
        const offered = computeSlots({ ...query, from: day, days: 1 }).map((s) => s.start);
        const got = nearestStarts({ ...query, start });
        expect(got.before).toBe(offered.filter((s) => s < start).at(-1) ?? null);
        expect(got.after).toBe(offered.find((s) => s > start) ?? null);
      }),
      RUNS,
    );
  });

  it('whyNoSlots is null exactly when the day offers a slot with nothing booked', () => {
    fc.assert(
      fc.property(slotQuery, (query) => {
        const free = computeSlots({ ...query, busy: { appointments: [] }, days: 1 });
        const why = whyNoSlots(query.rules, query.from, query.now);
        expect(why === null).toBe(free.length > 0);
        const listed = closedDays(query.rules, query.from, query.days, query.now);
        expect(listed.find((d) => d.date === query.from)?.why ?? null).toEqual(why);
      }),
      RUNS,
    );
  });
});
