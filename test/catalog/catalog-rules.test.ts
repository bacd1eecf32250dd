// The catalog's pure rules: weekly windows, overrides, dates, times and cursors.
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../src/catalog/calendar-date.ts';
import { checkOverride } from '../../src/catalog/override-rules.ts';
import { decodeCursor, isExactInstant, toPage } from '../../src/catalog/page.ts';
import { wallClockMinutes } from '../../src/catalog/wall-clock.ts';
import { checkWeeklyWindows } from '../../src/catalog/weekly-window-rules.ts';

const w = (dayOfWeek: number, startTime: string, endTime: string) => ({
  dayOfWeek,
  startTime,
  endTime,
});

describe('checkWeeklyWindows', () => {
  it('accepts touching windows and the same hours on different days', () => {
    expect(
      checkWeeklyWindows([w(0, '09:00', '12:00'), w(0, '12:00', '24:00'), w(1, '09:00', '12:00')]),
    ).toBeNull();
    expect(checkWeeklyWindows([])).toBeNull();
  });

  it('finds an overlap hidden behind a shorter window', () => {
    const refused = checkWeeklyWindows([
      w(2, '08:00', '18:00'),
      w(2, '09:00', '10:00'),
      w(2, '11:00', '12:00'),
    ]);
    expect(refused?.details?.issues).toEqual([
      { path: ['windows', 1], message: 'window 1 overlaps window 0 on day 2' },
      { path: ['windows', 2], message: 'window 2 overlaps window 0 on day 2' },
    ]);
  });

  it('lists every bad window', () => {
    const refused = checkWeeklyWindows([
      w(0, '10:00', '09:00'),
      w(9, '09:00', '10:00'),
      w(0, '9:00', '10:00'),
    ]);
    expect(refused?.code).toBe('VALIDATION_ERROR');
    expect(refused?.details?.issues).toHaveLength(3);
  });
});

describe('checkOverride', () => {
  const base = { date: '2026-12-01', startTime: null, endTime: null, isBlocked: true };
  it('accepts a whole-day block and timed blocks or extras', () => {
    expect(checkOverride(base)).toBeNull();
    expect(
      checkOverride({ ...base, startTime: '10:00', endTime: '24:00', isBlocked: false }),
    ).toBeNull();
  });

  it.each([
    ['extra hours without times', { ...base, isBlocked: false }],
    ['one time only', { ...base, startTime: '10:00' }],
    ['end not after start', { ...base, startTime: '10:00', endTime: '10:00' }],
    ['a bad time', { ...base, startTime: '10:60', endTime: '11:00' }],
    ['a bad date', { ...base, date: '2026-11-31' }],
  ])('refuses %s', (_, input) => {
    expect(checkOverride(input)?.code).toBe('VALIDATION_ERROR');
  });
});

describe('dates and times', () => {
  it.each([
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['1000-01-01', true],
    ['9998-12-31', true],
    ['0001-01-01', false],
    ['0099-12-31', false],
    ['9999-12-31', false],
    ['2026-1-01', false],
    ['2026-12-01T00:00', false],
  ])('isCalendarDate(%s) is %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });

  it.each([
    ['00:00', 0],
    ['23:59', 1439],
    ['24:00', 1440],
    ['24:01', null],
    ['7:00', null],
    ['12:5', null],
  ])('wallClockMinutes(%s) is %s', (text, expected) => {
    expect(wallClockMinutes(text)).toBe(expected);
  });
});

describe('cursors', () => {
  const keyed = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      item: i,
      key: ['2026-11-30T08:00:00.123456Z', `id-${i}`],
    }));

  it('gives a cursor only when a further row exists', () => {
    expect(toPage(keyed(2), 2)).toEqual({ items: [0, 1], nextCursor: null });
    const page = toPage(keyed(3), 2);
    expect(page.items).toEqual([0, 1]);
    const decoded = decodeCursor(page.nextCursor, [isExactInstant, (p) => p.startsWith('id-')]);
    expect(decoded).toEqual({ ok: true, value: ['2026-11-30T08:00:00.123456Z', 'id-1'] });
  });

  it('refuses cursors it did not make', () => {
    const tests = [isExactInstant, () => true];
    for (const cursor of ['%%%', 'e30', Buffer.from('["a","b"]').toString('base64url')]) {
      expect(decodeCursor(cursor, tests)).toMatchObject({ ok: false, code: 'VALIDATION_ERROR' });
    }
    expect(decodeCursor(null, tests)).toEqual({ ok: true, value: null });
  });
});
