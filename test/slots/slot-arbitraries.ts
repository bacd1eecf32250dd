// fast-check generators of random slot rules, busy times and queries around DST changes.

import fc from 'fast-check';
import type {
  AvailabilityOverride,
  Interval,
  SlotQuery,
  WeeklyWindow,
} from '../../src/slots/slot-types.ts';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

export const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Auckland',
  'Australia/Lord_Howe',
  'America/St_Johns',
] as const;

/** Dates around the 2026 DST changes of the zones above, plus a quiet one. */
export const DATES = [
  '2026-03-07',
  '2026-03-08',
  '2026-03-28',
  '2026-03-29',
  '2026-04-04',
  '2026-04-05',
  '2026-06-15',
  '2026-09-26',
  '2026-09-27',
  '2026-10-03',
  '2026-10-04',
  '2026-10-24',
  '2026-10-25',
  '2026-10-31',
  '2026-11-01',
] as const;

/** 'HH:MM' of minutes since midnight (1440 -> '24:00'). */
export function hhmm(minutes: number): string {
  const h = String(Math.floor(minutes / 60)).padStart(2, '0');
  const m = String(minutes % 60).padStart(2, '0');
  return `${h}:${m}`;
}

/** A window [start, end) on the 15-minute lattice, 30 minutes to 12 hours long. */
const windowTimes = fc
  .record({ start: fc.integer({ min: 0, max: 95 }), length: fc.integer({ min: 2, max: 48 }) })
  .map(({ start, length }) => ({
    startTime: hhmm(start * 15),
    endTime: hhmm(Math.min(start + length, 96) * 15),
  }));

const weekly: fc.Arbitrary<WeeklyWindow[]> = fc.array(
  fc
    .tuple(fc.integer({ min: 0, max: 6 }), windowTimes)
    .map(([dayOfWeek, times]) => ({ dayOfWeek, ...times })),
  { minLength: 5, maxLength: 14 },
);

function overrides(dates: readonly string[]): fc.Arbitrary<AvailabilityOverride[]> {
  const one = fc.tuple(
    fc.constantFrom(...dates),
    fc.constantFrom('day', 'range', 'extra'),
    windowTimes,
  );
  return fc.array(
    one.map(([date, kind, times]) =>
      kind === 'day'
        ? { date, startTime: null, endTime: null, isBlocked: true }
        : { date, ...times, isBlocked: kind === 'range' },
    ),
    { maxLength: 4 },
  );
}

function intervals(base: number): fc.Arbitrary<Interval[]> {
  return fc.array(
    fc
      .record({
        at: fc.integer({ min: 0, max: 4 * 288 }),
        length: fc.integer({ min: 0, max: 60 }),
      })
      .map(({ at, length }) => ({
        start: base + at * 5 * MINUTE,
        end: base + (at + length) * 5 * MINUTE,
      })),
    { maxLength: 12 },
  );
}

/** A random query over 1-2 days starting on one of DATES, with busy times around it. */
export const slotQuery: fc.Arbitrary<SlotQuery> = fc
  .record({ from: fc.constantFrom(...DATES), days: fc.integer({ min: 1, max: 2 }) })
  .chain(({ from, days }) => {
    const base = Date.parse(`${from}T00:00Z`) - DAY;
    const dates = [0, 1, 2].map((i) => new Date(base + (i + 1) * DAY).toISOString().slice(0, 10));
    const rules = fc.record({
      timezone: fc.constantFrom(...ZONES),
      weekly,
      overrides: overrides(dates),
      durationMinutes: fc.constantFrom(15, 30, 45, 60, 90),
      bufferMinutes: fc.constantFrom(0, 5, 10, 15),
      slotIntervalMinutes: fc.constantFrom(null, 10, 15, 20, 30, 60),
      minNoticeMinutes: fc.integer({ min: 0, max: 720 }),
      maxAdvanceDays: fc.integer({ min: 1, max: 5 }),
    });
    return fc.record({
      rules,
      busy: fc.record({ appointments: intervals(base) }),
      from: fc.constant(from),
      days: fc.constant(days),
      now: fc.integer({ min: 0, max: 1440 + 720 }).map((m) => base + m * MINUTE),
    });
  });
