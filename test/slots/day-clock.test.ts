// buildDayClock and its conversions of local minutes to instants around DST transitions.

import { describe, expect, it } from 'vitest';
import { boundaryInstant, buildDayClock, instantOfLocalMinute } from '../../src/slots/day-clock.ts';
import { parseLocalDate } from '../../src/slots/local-date.ts';
import { resolveTimeZone } from '../../src/slots/time-zone.ts';
import { at, localIso } from './slot-fixtures.ts';

const clockOf = (zone: string, date: string) =>
  buildDayClock(resolveTimeZone(zone), parseLocalDate(date));
const minuteOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3));

describe('instantOfLocalMinute', () => {
  it.each<[string, string, string, string | null]>([
    ['Europe/Berlin', '2026-03-29', '01:59', '2026-03-29T01:59+01:00'],
    ['Europe/Berlin', '2026-03-29', '02:00', null],
    ['Europe/Berlin', '2026-03-29', '02:59', null],
    ['Europe/Berlin', '2026-03-29', '03:00', '2026-03-29T03:00+02:00'],
    ['Europe/Berlin', '2026-10-25', '02:00', '2026-10-25T02:00+02:00'],
    ['Europe/Berlin', '2026-10-25', '02:59', '2026-10-25T02:59+02:00'],
    ['Europe/Berlin', '2026-10-25', '03:00', '2026-10-25T03:00+01:00'],
    ['Europe/Berlin', '2026-10-25', '24:00', '2026-10-26T00:00+01:00'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T01:30-04:00'],
    ['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-05T01:45+11:00'],
    ['Australia/Lord_Howe', '2026-10-04', '02:15', null],
    ['Asia/Kolkata', '2026-05-04', '00:00', '2026-05-04T00:00+05:30'],
    ['Pacific/Auckland', '2026-09-27', '02:30', null],
  ])('%s %s %s -> %s', (zone, date, time, expected) => {
    const instant = instantOfLocalMinute(clockOf(zone, date), minuteOf(time));
    expect(instant === null ? null : localIso(instant, zone)).toBe(expected);
  });

  it('a normal day needs a single offset segment, a transition day two', () => {
    expect(clockOf('Europe/Berlin', '2026-05-04').segments).toHaveLength(1);
    const segments = clockOf('Europe/Berlin', '2026-03-29').segments;
    expect(segments.map((s) => s.offsetMs / 60_000)).toEqual([60, 120]);
    expect(segments[1]?.from).toBe(at('2026-03-29T01:00Z'));
  });
});

describe('boundaryInstant', () => {
  it.each<[string, string, string, string]>([
    ['Europe/Berlin', '2026-03-29', '02:30', '2026-03-29T03:00+02:00'],
    ['America/New_York', '2026-03-08', '02:00', '2026-03-08T03:00-04:00'],
    ['Australia/Lord_Howe', '2026-10-04', '02:15', '2026-10-04T02:30+11:00'],
    ['Europe/Berlin', '2026-10-25', '02:30', '2026-10-25T02:30+02:00'],
    ['Europe/Berlin', '2026-05-04', '17:00', '2026-05-04T17:00+02:00'],
  ])('%s %s %s -> %s', (zone, date, time, expected) => {
    expect(localIso(boundaryInstant(clockOf(zone, date), minuteOf(time)), zone)).toBe(expected);
  });
});
