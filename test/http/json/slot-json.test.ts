// slotListJsonBytes is byte for byte the JSON the route sent when it built objects with luxon.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { FullDay } from '../../../src/booking/slots-in-context.ts';
import { slotListJsonBytes } from '../../../src/http/json/slot-json.ts';
import type { Slot } from '../../../src/slots/slot-types.ts';
import type { ClosedDay } from '../../../src/slots/why-no-slots.ts';

const slotListJsonText = (...args: Parameters<typeof slotListJsonBytes>) =>
  new TextDecoder().decode(slotListJsonBytes(...args));

/** What the route sent before: objects with luxon's ISO text, then JSON.stringify (c.json). */
function luxonJson(
  timezone: string,
  slots: readonly Slot[],
  closed: readonly ClosedDay[],
  full: readonly FullDay[] = [],
): string {
  const iso = (ms: number) =>
    DateTime.fromMillis(ms, { zone: timezone }).toISO({ suppressMilliseconds: true });
  return JSON.stringify({
    timezone,
    slots: slots.map((s) => ({ start: iso(s.start), end: iso(s.end) })),
    closed_days: closed.map((day) => ({ date: day.date, reason: day.why.reason })),
    full_days: full.map((day) => ({ date: day.date, limit: day.limit, max: day.max })),
  });
}

const zone = fc.constantFrom(...Intl.supportedValuesOf('timeZone'), 'UTC');
const slot = fc
  .record({
    start: fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
    minutes: fc.integer({ min: 1, max: 600 }),
  })
  .map(({ start, minutes }) => ({ start, end: start + minutes * 60_000 }));
const closedDay = fc.record({
  date: fc.constantFrom('2026-03-29', '2026-10-25', '2027-01-01'),
  why: fc.constantFrom<ClosedDay['why']>(
    { reason: 'IN_THE_PAST' },
    { reason: 'TOO_SOON', minNoticeMinutes: 60, earliest: 0 },
    { reason: 'TOO_FAR_AHEAD', maxAdvanceDays: 30, latest: 0 },
    { reason: 'BLOCKED' },
    { reason: 'CLOSED' },
  ),
});

const fullDay = fc.record({
  date: fc.constantFrom('2026-12-01', '2026-10-26'),
  limit: fc.constantFrom<FullDay['limit']>('SERVICE_PER_DAY', 'SERVICE_PER_WEEK'),
  max: fc.integer({ min: 1, max: 10_000 }),
});

describe('slotListJsonBytes', () => {
  it('gives an empty listing the same text', () => {
    expect(slotListJsonText('Europe/Berlin', [], [], [])).toBe(luxonJson('Europe/Berlin', [], []));
  });

  it('gives a day across the Berlin spring change the same text', () => {
    const first = Date.parse('2026-03-28T23:00:00Z');
    const slots = Array.from({ length: 96 }, (_, i) => ({
      start: first + i * 900_000,
      end: first + (i + 1) * 900_000,
    }));
    const text = slotListJsonText('Europe/Berlin', slots, [], []);
    expect(text).toBe(luxonJson('Europe/Berlin', slots, []));
    expect(JSON.parse(text).slots[8]).toEqual({
      start: '2026-03-29T03:00:00+02:00',
      end: '2026-03-29T03:15:00+02:00',
    });
  });

  it('gives random listings in random zones the same text', () => {
    fc.assert(
      fc.property(
        zone,
        fc.array(slot, { maxLength: 40 }),
        fc.array(closedDay),
        fc.array(fullDay),
        (z, s, c, f) => {
          expect(slotListJsonText(z, s, c, f)).toBe(luxonJson(z, s, c, f));
        },
      ),
      { numRuns: 300 },
    );
  });
});
