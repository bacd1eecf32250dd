// Which starts suit an entry: its dates and part of the day on the entry's own wall clock.
import { describe, expect, it } from 'vitest';
import { slotSuits, type WantedTimes, wallClockOf } from '../../src/waitlist/part-of-day.ts';

const tokyoMornings: WantedTimes = {
  timezone: 'Asia/Tokyo',
  fromDate: '2026-12-08',
  toDate: '2026-12-09',
  partOfDay: 'MORNING',
};

describe('slotSuits', () => {
  it.each([
    // Tokyo is UTC+9: 06:00 local is 21:00 UTC the day before.
    ['2026-12-07T21:00:00Z', tokyoMornings, true],
    ['2026-12-07T20:59:00Z', tokyoMornings, false], // 05:59 local
    ['2026-12-08T02:59:00Z', tokyoMornings, true], // 11:59 local
    ['2026-12-08T03:00:00Z', tokyoMornings, false], // 12:00 local: afternoon
    ['2026-12-09T02:00:00Z', tokyoMornings, true], // 11:00 on the last date
    ['2026-12-09T21:00:00Z', tokyoMornings, false], // 06:00 on 12-10: past the dates
    ['2026-12-08T03:00:00Z', { ...tokyoMornings, partOfDay: 'AFTERNOON' }, true],
    ['2026-12-08T07:59:00Z', { ...tokyoMornings, partOfDay: 'AFTERNOON' }, true], // 16:59
    ['2026-12-08T08:00:00Z', { ...tokyoMornings, partOfDay: 'AFTERNOON' }, false], // 17:00
    ['2026-12-08T08:00:00Z', { ...tokyoMornings, partOfDay: 'EVENING' }, true],
    ['2026-12-08T12:59:00Z', { ...tokyoMornings, partOfDay: 'EVENING' }, true], // 21:59
    ['2026-12-08T13:00:00Z', { ...tokyoMornings, partOfDay: 'EVENING' }, false], // 22:00
    ['2026-12-07T15:00:00Z', { ...tokyoMornings, partOfDay: 'ANY' }, true], // 00:00 on 12-08
    ['2026-12-07T14:59:00Z', { ...tokyoMornings, partOfDay: 'ANY' }, false], // 23:59 on 12-07
  ] as const)('%s for %o is %s', (start, wanted, suits) => {
    expect(slotSuits(new Date(start).getTime(), wanted)).toBe(suits);
  });
});

describe('wallClockOf', () => {
  it.each([
    ['2026-03-29T01:30:00Z', 'Europe/Berlin', '2026-03-29', 3 * 60 + 30], // just after DST began
    ['2026-03-29T00:30:00Z', 'Europe/Berlin', '2026-03-29', 60 + 30],
    ['2026-12-01T03:00:00Z', 'America/New_York', '2026-11-30', 22 * 60],
  ])('%s in %s is %s minute %i', (instant, zone, date, minute) => {
    expect(wallClockOf(new Date(instant).getTime(), zone)).toEqual({ date, minute });
  });
});
