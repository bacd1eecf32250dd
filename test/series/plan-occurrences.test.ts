// planOccurrences: weekly wall-clock times across DST changes in Europe and America, table-driven.
import { describe, expect, it } from 'vitest';
import { planOccurrences } from '../../src/series/plan-occurrences.ts';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe('planOccurrences', () => {
  const cases: {
    name: string;
    first: string;
    zone: string;
    count: number;
    interval: number;
    expected: string[];
  }[] = [
    {
      name: 'Berlin Tuesdays 10:00 across the end of October: 08:00Z then 09:00Z',
      first: '2026-10-13T08:00:00.000Z',
      zone: 'Europe/Berlin',
      count: 4,
      interval: 1,
      expected: [
        '2026-10-13T08:00:00.000Z',
        '2026-10-20T08:00:00.000Z',
        '2026-10-27T09:00:00.000Z',
        '2026-11-03T09:00:00.000Z',
      ],
    },
    {
      name: 'Berlin Mondays 10:00 across the end of March: 09:00Z then 08:00Z',
      first: '2026-03-23T09:00:00.000Z',
      zone: 'Europe/Berlin',
      count: 3,
      interval: 1,
      expected: [
        '2026-03-23T09:00:00.000Z',
        '2026-03-30T08:00:00.000Z',
        '2026-04-06T08:00:00.000Z',
      ],
    },
    {
      name: 'New York Fridays 09:30 across the second Sunday of March: 14:30Z then 13:30Z',
      first: '2026-03-06T14:30:00.000Z',
      zone: 'America/New_York',
      count: 3,
      interval: 1,
      expected: [
        '2026-03-06T14:30:00.000Z',
        '2026-03-13T13:30:00.000Z',
        '2026-03-20T13:30:00.000Z',
      ],
    },
    {
      name: 'New York every two weeks at 16:00 across the first Sunday of November',
      first: '2026-10-22T20:00:00.000Z',
      zone: 'America/New_York',
      count: 3,
      interval: 2,
      expected: [
        '2026-10-22T20:00:00.000Z',
        '2026-11-05T21:00:00.000Z',
        '2026-11-19T21:00:00.000Z',
      ],
    },
    {
      name: 'Berlin Sundays 02:30: the gap day moves forward to 03:30, the next week is 02:30 again',
      first: '2026-03-22T01:30:00.000Z',
      zone: 'Europe/Berlin',
      count: 3,
      interval: 1,
      expected: [
        '2026-03-22T01:30:00.000Z',
        '2026-03-29T01:30:00.000Z',
        '2026-04-05T00:30:00.000Z',
      ],
    },
    {
      name: 'New York Sundays 02:30: the gap day moves forward to 03:30 EDT',
      first: '2026-03-01T07:30:00.000Z',
      zone: 'America/New_York',
      count: 3,
      interval: 1,
      expected: [
        '2026-03-01T07:30:00.000Z',
        '2026-03-08T07:30:00.000Z',
        '2026-03-15T06:30:00.000Z',
      ],
    },
    {
      name: 'Berlin Sundays 02:30 on the fall-back day: the first (summer-time) instant',
      first: '2026-10-18T00:30:00.000Z',
      zone: 'Europe/Berlin',
      count: 3,
      interval: 1,
      expected: [
        '2026-10-18T00:30:00.000Z',
        '2026-10-25T00:30:00.000Z',
        '2026-11-01T01:30:00.000Z',
      ],
    },
    {
      name: 'New York Sundays 01:30 on the fall-back day: the first (EDT) instant',
      first: '2026-10-25T05:30:00.000Z',
      zone: 'America/New_York',
      count: 3,
      interval: 1,
      expected: [
        '2026-10-25T05:30:00.000Z',
        '2026-11-01T05:30:00.000Z',
        '2026-11-08T06:30:00.000Z',
      ],
    },
    {
      name: 'a first start on the second instant of an ambiguous time stays itself',
      first: '2026-10-25T01:30:00.000Z',
      zone: 'Europe/Berlin',
      count: 2,
      interval: 1,
      expected: ['2026-10-25T01:30:00.000Z', '2026-11-01T01:30:00.000Z'],
    },
    {
      name: 'UTC every four weeks across a year end, seconds kept',
      first: '2026-12-15T10:00:30.000Z',
      zone: 'UTC',
      count: 3,
      interval: 4,
      expected: [
        '2026-12-15T10:00:30.000Z',
        '2027-01-12T10:00:30.000Z',
        '2027-02-09T10:00:30.000Z',
      ],
    },
    {
      name: 'one occurrence is the first start alone',
      first: '2026-06-02T08:00:00.000Z',
      zone: 'Europe/Berlin',
      count: 1,
      interval: 1,
      expected: ['2026-06-02T08:00:00.000Z'],
    },
  ];

  it.each(cases)('$name', ({ first, zone, count, interval, expected }) => {
    expect(iso(planOccurrences(new Date(first), zone, count, interval))).toEqual(expected);
  });

  it('keeps 52 weekly Berlin 10:00 occurrences on Tuesdays at 10:00 local', () => {
    const starts = planOccurrences(new Date('2026-01-06T09:00:00.000Z'), 'Europe/Berlin', 52, 1);
    expect(starts).toHaveLength(52);
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    for (const start of starts) expect(local.format(start)).toBe('Tue 10:00');
    for (let i = 1; i < starts.length; i++) {
      expect(starts[i]?.getTime()).toBeGreaterThan(starts[i - 1]?.getTime() ?? Infinity);
    }
  });

  const refusals: { name: string; args: [Date, string, number, number] }[] = [
    { name: 'unknown zone', args: [new Date('2026-01-06T09:00:00Z'), 'Mars/Olympus', 2, 1] },
    { name: 'zero occurrences', args: [new Date('2026-01-06T09:00:00Z'), 'UTC', 0, 1] },
    { name: 'fractional occurrences', args: [new Date('2026-01-06T09:00:00Z'), 'UTC', 1.5, 1] },
    { name: 'zero interval', args: [new Date('2026-01-06T09:00:00Z'), 'UTC', 2, 0] },
    { name: 'invalid date', args: [new Date('nope'), 'UTC', 2, 1] },
  ];
  it.each(refusals)('throws RangeError for $name', ({ args }) => {
    expect(() => planOccurrences(...args)).toThrow(RangeError);
  });
});
