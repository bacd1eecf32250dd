// Counting a service's bookings by local day and ISO week, and which period of a start is full.
import { describe, expect, it } from 'vitest';
import { countStarts, fullPeriodAt } from '../../src/slots/limit-days.ts';

const ms = (iso: string) => new Date(iso).getTime();
const day = (iso: string) => ms(`${iso}T00:00:00Z`) / 86_400_000;

describe('countStarts', () => {
  it.each([
    // zone, starts, local day counted, expected count on that day
    ['UTC', ['2026-12-01T09:00:00Z', '2026-12-01T23:59:00Z'], '2026-12-01', 2],
    ['Europe/Berlin', ['2026-12-01T23:30:00Z'], '2026-12-02', 1], // 00:30 Berlin next day
    ['America/New_York', ['2026-11-02T04:00:00Z'], '2026-11-01', 1], // Sunday 23:00 EST
    ['Pacific/Kiritimati', ['2026-12-01T10:30:00Z'], '2026-12-02', 1], // UTC+14
    ['Australia/Lord_Howe', ['2026-10-03T15:45:00Z'], '2026-10-04', 1], // 30-minute DST zone
  ])('%s: %j counts on %s', (zone, starts, localDay, count) => {
    expect(countStarts(starts.map(ms), zone).days.get(day(localDay))).toBe(count);
  });

  it.each([
    // Berlin's DST week: Mon 2026-10-19 .. Sun 10-25 (clocks back on Sunday)
    ['Europe/Berlin', ['2026-10-19T00:00:00+02:00', '2026-10-25T23:59:00+01:00'], '2026-10-19', 2],
    ['Europe/Berlin', ['2026-10-25T23:00:00Z'], '2026-10-26', 1], // Monday 00:00 CET
    ['America/New_York', ['2026-10-26T10:00:00-04:00', '2026-11-02T04:00:00Z'], '2026-10-26', 2],
    ['UTC', ['2026-12-06T12:00:00Z', '2026-12-07T12:00:00Z'], '2026-11-30', 1], // Sun, then Mon
  ])('%s: %j counts in the ISO week from Monday %s', (zone, starts, monday, count) => {
    expect(countStarts(starts.map(ms), zone).weeks.get(day(monday))).toBe(count);
  });

  it('counts nothing for no starts', () => {
    const counts = countStarts([], 'UTC');
    expect(counts.days.size + counts.weeks.size).toBe(0);
  });
});

describe('fullPeriodAt', () => {
  const zone = 'Europe/Berlin';
  const counts = countStarts(
    ['2026-12-01T09:00:00+01:00', '2026-12-01T10:00:00+01:00', '2026-12-03T09:00:00+01:00'].map(ms),
    zone,
  );
  it.each([
    ['no limits', '2026-12-01T11:00:00+01:00', null, null, null],
    ['day below its max', '2026-12-01T11:00:00+01:00', 3, null, null],
    ['day at its max', '2026-12-01T11:00:00+01:00', 2, null, 'DAY'],
    ['another day', '2026-12-02T11:00:00+01:00', 2, null, null],
    ['week at its max', '2026-12-04T11:00:00+01:00', null, 3, 'WEEK'],
    ['week below its max', '2026-12-04T11:00:00+01:00', null, 4, null],
    ['day before week', '2026-12-01T11:00:00+01:00', 2, 3, 'DAY'],
    ['next week', '2026-12-07T11:00:00+01:00', 1, 1, null],
    ['late Sunday is the same week', '2026-12-06T23:30:00+01:00', null, 3, 'WEEK'],
  ])('%s', (_, start, perDay, perWeek, expected) => {
    expect(fullPeriodAt(counts, ms(start), zone, { perDay, perWeek })).toBe(expected);
  });
});
