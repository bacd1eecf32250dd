// Property tests: computeSlots matches a naive model and agrees exactly with checkSlot.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSlot } from '../../src/slots/check-slot.ts';
import { computeSlots } from '../../src/slots/compute-slots.ts';
import { localDayOf } from '../../src/slots/local-time.ts';
import type { SlotQuery } from '../../src/slots/slot-types.ts';
import { referenceSlots } from './reference-slots.ts';
import { slotQuery } from './slot-arbitraries.ts';

const MINUTE = 60_000;
const RUNS = { numRuns: 200 };

/** The local dates of the query range. */
function rangeDates(query: SlotQuery): Set<string> {
  const first = Date.parse(`${query.from}T00:00Z`);
  return new Set(
    Array.from({ length: query.days }, (_, i) =>
      new Date(first + i * 1440 * MINUTE).toISOString().slice(0, 10),
    ),
  );
}

describe('slot engine properties', () => {
  it('computeSlots equals the naive minute-by-minute model', () => {
    fc.assert(
      fc.property(slotQuery, (query) => {
        expect(computeSlots(query)).toEqual(referenceSlots(query));
      }),
      RUNS,
    );
  });

  it('offers sorted, free slots inside the range and the booking horizon', () => {
    fc.assert(
      fc.property(slotQuery, (query) => {
        const { rules, busy, now } = query;
        const slots = computeSlots(query);
        const dates = rangeDates(query);
        const reserved = (rules.durationMinutes + rules.bufferMinutes) * MINUTE;
        slots.forEach((slot, i) => {
          expect(slot.end - slot.start).toBe(rules.durationMinutes * MINUTE);
          expect(slot.start).toBeGreaterThan(slots[i - 1]?.start ?? Number.NEGATIVE_INFINITY);
          expect(dates.has(localDayOf(slot.start, rules.timezone))).toBe(true);
          expect(slot.start).toBeGreaterThanOrEqual(now + rules.minNoticeMinutes * MINUTE);
          expect(slot.start).toBeLessThanOrEqual(now + rules.maxAdvanceDays * 1440 * MINUTE);
          const clash = busy.appointments.filter(
            (b) => Math.max(b.start, slot.start) < Math.min(b.end, slot.start + reserved),
          );
          expect(clash).toEqual([]);
        });
      }),
      RUNS,
    );
  });

  it('every offered slot passes checkSlot', () => {
    fc.assert(
      fc.property(slotQuery, (query) => {
        for (const slot of computeSlots(query)) {
          const check = checkSlot({ ...query, start: slot.start });
          expect(check).toEqual({ ok: true, slot });
        }
      }),
      RUNS,
    );
  });

  it('checkSlot accepts exactly the offered starts on a 5-minute sample grid', () => {
    fc.assert(
      fc.property(slotQuery, (query) => {
        const { rules } = query;
        const dates = rangeDates(query);
        const offered = computeSlots(query).map((slot) => slot.start);
        const first = Date.parse(`${query.from}T00:00Z`) - 14 * 60 * MINUTE;
        const last = first + (query.days * 1440 + 26 * 60) * MINUTE;
        const accepted: number[] = [];
        for (let start = first; start < last; start += 5 * MINUTE) {
          if (!dates.has(localDayOf(start, rules.timezone))) continue;
          if (checkSlot({ ...query, start }).ok) accepted.push(start);
        }
        expect(accepted).toEqual(offered);
      }),
      RUNS,
    );
  });

  it('a multi-day range is the concatenation of its single days', () => {
    fc.assert(
      fc.property(slotQuery, (query) => {
        const first = Date.parse(`${query.from}T00:00Z`);
        const perDay = Array.from({ length: query.days }, (_, i) => {
          const from = new Date(first + i * 1440 * MINUTE).toISOString().slice(0, 10);
          return computeSlots({ ...query, from, days: 1 });
        });
        expect(computeSlots(query)).toEqual(perDay.flat());
      }),
      RUNS,
    );
  });
});
