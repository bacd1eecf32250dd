// Table cases for whyNoSlots: past, too soon, too far ahead, blocked, closed, and open days.

import { describe, expect, it } from 'vitest';
import type { SlotRules } from '../../src/slots/slot-types.ts';
import { closedDays, whyNoSlots } from '../../src/slots/why-no-slots.ts';
import { at, makeRules, override } from './slot-fixtures.ts';

// 2026-05-04 is a Monday. Weekdays 09:00-17:00 Berlin, hourly; 120 min notice; 60 days ahead.
const rules: SlotRules = makeRules({
  timezone: 'Europe/Berlin',
  weekly: [0, 1, 2, 3, 4].map((dayOfWeek) => ({ dayOfWeek, startTime: '09:00', endTime: '17:00' })),
  overrides: [
    override('2026-05-05', null, true),
    override('2026-05-06', ['08:00', '18:00'], true),
    override('2026-05-08', ['09:30', '17:00'], true),
  ],
  minNoticeMinutes: 120,
  maxAdvanceDays: 60,
});
const now = at('2026-05-04T15:30+02:00');
const earliest = at('2026-05-04T17:30+02:00');
const latest = at('2026-07-03T15:30+02:00');

describe('whyNoSlots', () => {
  it.each<[string, string, number, ReturnType<typeof whyNoSlots>]>([
    ['a day that has ended', '2026-05-03', now, { reason: 'IN_THE_PAST' }],
    ['a weekend day in the past', '2026-05-02', now, { reason: 'IN_THE_PAST' }],
    [
      'today, every start has passed',
      '2026-05-04',
      at('2026-05-04T16:30+02:00'),
      { reason: 'IN_THE_PAST' },
    ],
    [
      'today, the rest is within min notice',
      '2026-05-04',
      now,
      { reason: 'TOO_SOON', minNoticeMinutes: 120, earliest },
    ],
    ['a blocked day', '2026-05-05', now, { reason: 'BLOCKED' }],
    ['a day blocked by a timed range', '2026-05-06', now, { reason: 'BLOCKED' }],
    ['a day whose block leaves too little for a slot', '2026-05-08', now, { reason: 'BLOCKED' }],
    ['a Saturday', '2026-05-09', now, { reason: 'CLOSED' }],
    ['an open day', '2026-05-07', now, null],
    ['the last day, before the horizon ends', '2026-07-03', now, null],
    [
      'the day after the horizon',
      '2026-07-04',
      now,
      { reason: 'TOO_FAR_AHEAD', maxAdvanceDays: 60, latest },
    ],
    [
      'a closed day past the horizon names the horizon',
      '2026-07-05',
      now,
      { reason: 'TOO_FAR_AHEAD', maxAdvanceDays: 60, latest },
    ],
    [
      'the last day, its hours after the horizon ends',
      '2026-07-03',
      at('2026-05-04T07:00+02:00'),
      { reason: 'TOO_FAR_AHEAD', maxAdvanceDays: 60, latest: at('2026-07-03T07:00+02:00') },
    ],
  ])('%s: %s', (_name, day, when, expected) => {
    expect(whyNoSlots(rules, day, when)).toEqual(expected);
  });

  it('closedDays lists the days whyNoSlots explains, in order', () => {
    expect(closedDays(rules, '2026-05-02', 7, now)).toEqual([
      { date: '2026-05-02', why: { reason: 'IN_THE_PAST' } },
      { date: '2026-05-03', why: { reason: 'IN_THE_PAST' } },
      { date: '2026-05-04', why: { reason: 'TOO_SOON', minNoticeMinutes: 120, earliest } },
      { date: '2026-05-05', why: { reason: 'BLOCKED' } },
      { date: '2026-05-06', why: { reason: 'BLOCKED' } },
      { date: '2026-05-08', why: { reason: 'BLOCKED' } },
    ]);
    expect(closedDays(rules, '2026-05-07', 1, now)).toEqual([]);
    expect(() => closedDays(rules, '2026-05-07', 0, now)).toThrow(RangeError);
  });

  it('throws RangeError on a malformed day', () => {
    expect(() => whyNoSlots(rules, '2026-13-01', now)).toThrow(RangeError);
  });
});
