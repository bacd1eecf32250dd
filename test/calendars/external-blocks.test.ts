// External events as blocked days: time zones, DST, midnight and all-day events.
import { describe, expect, it } from 'vitest';
import type { EventTiming } from '../../src/calendars/calendar-client.ts';
import { blocksOf } from '../../src/calendars/external-blocks.ts';

const timed = (start: string, end: string): EventTiming => ({
  kind: 'timed',
  start: new Date(start),
  end: new Date(end),
});

describe('blocksOf', () => {
  it.each<[string, EventTiming, string, unknown[]]>([
    [
      'an hour, in Berlin',
      timed('2026-12-03T09:00:00Z', '2026-12-03T10:00:00Z'),
      'Europe/Berlin',
      [{ date: '2026-12-03', startTime: '10:00', endTime: '11:00' }],
    ],
    [
      'seconds rounded outwards to whole minutes',
      timed('2026-12-03T09:00:30Z', '2026-12-03T09:10:01Z'),
      'UTC',
      [{ date: '2026-12-03', startTime: '09:00', endTime: '09:11' }],
    ],
    [
      'an evening past local midnight, split in two',
      timed('2026-12-03T21:00:00Z', '2026-12-04T01:00:00Z'),
      'Europe/Berlin',
      [
        { date: '2026-12-03', startTime: '22:00', endTime: '24:00' },
        { date: '2026-12-04', startTime: '00:00', endTime: '02:00' },
      ],
    ],
    [
      'three days, the middle one whole',
      timed('2026-12-03T15:00:00Z', '2026-12-05T09:00:00Z'),
      'UTC',
      [
        { date: '2026-12-03', startTime: '15:00', endTime: '24:00' },
        { date: '2026-12-04', startTime: null, endTime: null },
        { date: '2026-12-05', startTime: '00:00', endTime: '09:00' },
      ],
    ],
    [
      'ending exactly at local midnight touches no further day',
      timed('2026-12-03T22:00:00Z', '2026-12-04T00:00:00Z'),
      'Europe/London',
      [{ date: '2026-12-03', startTime: '22:00', endTime: '24:00' }],
    ],
    [
      'across the spring DST change in New York',
      timed('2027-03-14T06:00:00Z', '2027-03-14T08:00:00Z'),
      'America/New_York',
      [{ date: '2027-03-14', startTime: '01:00', endTime: '04:00' }],
    ],
    [
      'the same instant on the other side of the date line',
      timed('2026-12-03T20:00:00Z', '2026-12-03T21:00:00Z'),
      'Pacific/Auckland',
      [{ date: '2026-12-04', startTime: '09:00', endTime: '10:00' }],
    ],
    [
      'an all-day event of two dates, whatever the zone',
      { kind: 'all-day', startDate: '2026-12-24', endDate: '2026-12-26' },
      'Pacific/Chatham',
      [
        { date: '2026-12-24', startTime: null, endTime: null },
        { date: '2026-12-25', startTime: null, endTime: null },
      ],
    ],
    [
      'an event ending before it starts',
      timed('2026-12-03T10:00:00Z', '2026-12-03T09:00:00Z'),
      'UTC',
      [],
    ],
  ])('%s', (_, timing, zone, expected) => {
    expect(blocksOf(timing, zone)).toEqual(expected);
  });

  it('bounds an endless event to 400 days', () => {
    const blocks = blocksOf(
      { kind: 'all-day', startDate: '2026-01-01', endDate: '2036-01-01' },
      'UTC',
    );
    expect(blocks).toHaveLength(400);
  });
});
