// Table cases for nearestStarts: DST days, window edges, buffers, notice, and none either side.

import { describe, expect, it } from 'vitest';
import { checkSlot } from '../../src/slots/check-slot.ts';
import { nearestStarts } from '../../src/slots/nearest-starts.ts';
import type { BusyTimes, SlotRules } from '../../src/slots/slot-types.ts';
import { at, EARLY_NOW, localIso, makeRules, NO_BUSY, override, range } from './slot-fixtures.ts';

type Case = {
  readonly name: string;
  readonly rules: SlotRules;
  readonly busy?: BusyTimes;
  readonly now?: number;
  readonly start: string;
  readonly before: string | null;
  readonly after: string | null;
};

// 2026-05-04 is a Monday. Berlin: 2026-03-29 springs forward at 02:00, 2026-10-25 falls back.
const berlin = (extra: Partial<SlotRules> = {}) =>
  makeRules({ timezone: 'Europe/Berlin', durationMinutes: 30, slotIntervalMinutes: 40, ...extra });
const night = makeRules({
  timezone: 'Europe/Berlin',
  weekly: [{ dayOfWeek: 6, startTime: '00:00', endTime: '05:00' }],
});

const CASES: Case[] = [
  {
    name: 'off the grid between two slots',
    rules: berlin(),
    start: '2026-05-04T09:10+02:00',
    before: '2026-05-04T09:00+02:00',
    after: '2026-05-04T09:40+02:00',
  },
  {
    name: 'before the window opens: nothing before',
    rules: berlin(),
    start: '2026-05-04T08:30+02:00',
    before: null,
    after: '2026-05-04T09:00+02:00',
  },
  {
    name: 'after the last fitting slot: nothing after',
    rules: berlin(),
    start: '2026-05-04T16:50+02:00',
    before: '2026-05-04T16:20+02:00',
    after: null,
  },
  {
    name: 'a day without hours: neither',
    rules: berlin({ weekly: [{ dayOfWeek: 1, startTime: '09:00', endTime: '17:00' }] }),
    start: '2026-05-04T10:00+02:00',
    before: null,
    after: null,
  },
  {
    name: 'a taken start: the free ones around it, the buffer counted',
    rules: makeRules({ durationMinutes: 45, bufferMinutes: 15 }),
    busy: { appointments: [range('2026-05-04T10:00Z', '2026-05-04T11:00Z')] },
    start: '2026-05-04T10:00Z',
    before: '2026-05-04T09:00Z',
    after: '2026-05-04T11:00Z',
  },
  {
    name: 'a buffer reaching into an appointment skips that slot',
    rules: makeRules({ durationMinutes: 45, bufferMinutes: 15 }),
    busy: { appointments: [range('2026-05-04T09:50Z', '2026-05-04T11:00Z')] },
    start: '2026-05-04T10:00Z',
    before: null,
    after: '2026-05-04T11:00Z',
  },
  {
    name: 'min notice: starts within it are not offered before',
    rules: makeRules({ minNoticeMinutes: 120 }),
    now: at('2026-05-04T08:30Z'),
    start: '2026-05-04T11:30Z',
    before: '2026-05-04T11:00Z',
    after: '2026-05-04T12:00Z',
  },
  {
    name: 'min notice covering the morning: nothing before',
    rules: makeRules({ minNoticeMinutes: 180 }),
    now: at('2026-05-04T08:30Z'),
    start: '2026-05-04T10:00Z',
    before: null,
    after: '2026-05-04T12:00Z',
  },
  {
    name: 'max advance ending mid-day: nothing after',
    rules: makeRules({ maxAdvanceDays: 1 }),
    now: at('2026-05-04T12:00Z'),
    start: '2026-05-05T12:30Z',
    before: '2026-05-05T12:00Z',
    after: null,
  },
  {
    name: 'a blocked range: the slots either side of it',
    rules: makeRules({ overrides: [override('2026-05-04', ['10:00', '13:00'], true)] }),
    start: '2026-05-04T11:00Z',
    before: '2026-05-04T09:00Z',
    after: '2026-05-04T13:00Z',
  },
  {
    name: 'spring forward: the gap has no slot',
    rules: night,
    start: '2026-03-29T03:30+02:00',
    before: '2026-03-29T03:00+02:00',
    after: '2026-03-29T04:00+02:00',
  },
  {
    name: 'spring forward: the hour before the gap',
    rules: night,
    start: '2026-03-29T01:30+01:00',
    before: '2026-03-29T01:00+01:00',
    after: '2026-03-29T03:00+02:00',
  },
  {
    name: 'fall back: the repeated hour counts once',
    rules: night,
    start: '2026-10-25T02:00+01:00',
    before: '2026-10-25T02:00+02:00',
    after: '2026-10-25T03:00+01:00',
  },
  {
    name: 'the start of a late-night window in a negative offset zone',
    rules: makeRules({
      timezone: 'America/New_York',
      weekly: [{ dayOfWeek: 0, startTime: '20:00', endTime: '24:00' }],
    }),
    start: '2026-05-04T21:30-04:00',
    before: '2026-05-04T21:00-04:00',
    after: '2026-05-04T22:00-04:00',
  },
];

describe('nearestStarts', () => {
  it.each(CASES)('$name', (c) => {
    const now = c.now ?? EARLY_NOW;
    const busy = c.busy ?? NO_BUSY;
    const got = nearestStarts({ rules: c.rules, busy, start: at(c.start), now });
    const zone = c.rules.timezone;
    expect({
      before: got.before === null ? null : localIso(got.before, zone),
      after: got.after === null ? null : localIso(got.after, zone),
    }).toEqual({
      before: c.before && localIso(at(c.before), zone),
      after: c.after && localIso(at(c.after), zone),
    });
    // Both are starts the booking check accepts.
    for (const start of [got.before, got.after]) {
      if (start !== null) expect(checkSlot({ rules: c.rules, busy, start, now }).ok).toBe(true);
    }
  });

  it('never returns the start itself, even when it is free', () => {
    const got = nearestStarts({
      rules: makeRules(),
      busy: NO_BUSY,
      start: at('2026-05-04T10:00Z'),
      now: EARLY_NOW,
    });
    expect(got).toEqual({ before: at('2026-05-04T09:00Z'), after: at('2026-05-04T11:00Z') });
  });

  it('throws RangeError on a non-finite start', () => {
    expect(() =>
      nearestStarts({ rules: makeRules(), busy: NO_BUSY, start: Number.NaN, now: EARLY_NOW }),
    ).toThrow(RangeError);
  });
});
