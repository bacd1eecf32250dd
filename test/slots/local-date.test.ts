// Calendar helpers: epoch days, weekdays (0 = Monday), date and time parsing, localDayOf.

import { describe, expect, it } from 'vitest';
import { formatEpochDay, parseLocalDate, weekdayOfEpochDay } from '../../src/slots/local-date.ts';
import { localDayOf } from '../../src/slots/local-time.ts';
import { parseLocalTime } from '../../src/slots/parse-local-time.ts';
import { at } from './slot-fixtures.ts';

describe('dates', () => {
  it.each([
    ['1970-01-01', 3],
    ['2026-05-04', 0],
    ['2026-05-10', 6],
    ['2024-02-29', 3],
  ])('%s is weekday %i', (date, weekday) => {
    expect(weekdayOfEpochDay(parseLocalDate(date))).toBe(weekday);
    expect(formatEpochDay(parseLocalDate(date))).toBe(date);
  });

  it.each(['2026-02-30', '2026-13-01', '2026-5-4', '20260504', ''])('rejects %j', (date) => {
    expect(() => parseLocalDate(date)).toThrow(RangeError);
  });
});

describe('parseLocalTime', () => {
  it.each([
    ['00:00', 0],
    ['09:30', 570],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('%s = %i', (time, minutes) => {
    expect(parseLocalTime(time)).toBe(minutes);
  });

  it.each(['24:01', '25:00', '12:60', '9:00', '09:00:00', ''])('rejects %j', (time) => {
    expect(() => parseLocalTime(time)).toThrow(RangeError);
  });
});

describe('localDayOf', () => {
  it.each([
    ['2026-05-03T20:00Z', 'Pacific/Auckland', '2026-05-04'],
    ['2026-05-03T20:00Z', 'UTC', '2026-05-03'],
    ['2026-05-04T18:29Z', 'Asia/Kolkata', '2026-05-04'],
    ['2026-05-04T18:30Z', 'Asia/Kolkata', '2026-05-05'],
    ['2026-11-01T04:30Z', 'America/New_York', '2026-11-01'],
  ])('%s in %s is %s', (iso, zone, date) => {
    expect(localDayOf(at(iso), zone)).toBe(date);
  });

  it('rejects an unknown zone', () => {
    expect(() => localDayOf(0, 'Nowhere/Land')).toThrow(RangeError);
  });
});
