// Table-driven cases for checkSlot: each rejection reason, their order, and accepted slots.

import { describe, expect, it } from 'vitest';
import { checkSlot } from '../../src/slots/check-slot.ts';
import type { BusyTimes, SlotCheck, SlotRules } from '../../src/slots/slot-types.ts';
import { at, makeRules, NO_BUSY, override, range } from './slot-fixtures.ts';

// 2026-05-04 is a Monday. Monday-Friday 09:00-17:00 UTC, hourly 60-minute slots.
const rules: SlotRules = makeRules({
  weekly: [0, 1, 2, 3, 4].map((dayOfWeek) => ({ dayOfWeek, startTime: '09:00', endTime: '17:00' })),
  overrides: [
    override('2026-05-04', ['12:30', '13:00'], true),
    override('2026-05-05', null, true),
    override('2026-05-06', ['09:00', '09:30'], true),
  ],
  minNoticeMinutes: 60,
  maxAdvanceDays: 30,
});
const busy: BusyTimes = {
  appointments: [range('2026-05-04T14:00Z', '2026-05-04T15:00Z')],
};
const now = at('2026-05-04T07:00Z');

describe('checkSlot', () => {
  it.each<[string, string, SlotCheck['ok'] | string]>([
    ['before now + notice', '2026-05-04T07:30Z', 'TOO_SOON'],
    ['in the past', '2026-05-03T10:00Z', 'IN_THE_PAST'],
    ['a minute before now', '2026-05-04T06:59Z', 'IN_THE_PAST'],
    ['exactly now, within the notice', '2026-05-04T07:00Z', 'TOO_SOON'],
    ['after now + max advance', '2026-06-03T09:00Z', 'TOO_FAR_AHEAD'],
    ['exactly now + notice but outside the windows', '2026-05-04T08:00Z', 'OUTSIDE_AVAILABILITY'],
    ['off the grid', '2026-05-04T09:30Z', 'OFF_GRID'],
    ['off the grid, a second too late to fit', '2026-05-04T16:00:01Z', 'OUTSIDE_AVAILABILITY'],
    ['off the grid, fitting exactly before the end', '2026-05-04T15:59Z', 'OFF_GRID'],
    ['off the grid inside a blocked range', '2026-05-04T12:40Z', 'OUTSIDE_AVAILABILITY'],
    ['running past the window end', '2026-05-04T16:30Z', 'OUTSIDE_AVAILABILITY'],
    ['at the window end', '2026-05-04T17:00Z', 'OUTSIDE_AVAILABILITY'],
    ['on a Saturday', '2026-05-09T10:00Z', 'OUTSIDE_AVAILABILITY'],
    ['cut short by a blocked range', '2026-05-04T12:00Z', 'BLOCKED'],
    ['on a blocked day', '2026-05-05T10:00Z', 'BLOCKED'],
    ['off the grid shifted by a blocked range', '2026-05-06T10:00Z', 'BLOCKED'],
    ['overlapping an appointment', '2026-05-04T14:00Z', 'TAKEN'],
    ['right after an appointment', '2026-05-04T15:00Z', true],
    ['free', '2026-05-04T10:00Z', true],
    ['free, first slot after the blocked range', '2026-05-04T13:00Z', true],
    ['free, on the grid shifted by a blocked range', '2026-05-06T10:30Z', true],
  ])('%s: %s -> %s', (_name, iso, expected) => {
    const check = checkSlot({ rules, busy, start: at(iso), now });
    expect(check.ok ? true : check.reason).toBe(expected);
  });

  it('returns the slot [start, start + duration) when ok', () => {
    const start = at('2026-05-04T10:00Z');
    expect(checkSlot({ rules, busy, start, now })).toEqual({
      ok: true,
      slot: { start, end: at('2026-05-04T11:00Z') },
    });
  });

  it.each<[string, string]>([
    ['2026-05-04T10:00Z', 'TAKEN'],
    ['2026-05-04T09:00Z', 'ok'],
  ])('the buffer counts for TAKEN: %s -> %s', (iso, expected) => {
    const buffered = makeRules({ durationMinutes: 45, bufferMinutes: 15 });
    const appointments = [range('2026-05-04T10:50Z', '2026-05-04T11:30Z')];
    const check = checkSlot({
      rules: buffered,
      busy: { appointments },
      start: at(iso),
      now,
    });
    expect(check.ok ? 'ok' : check.reason).toBe(expected);
  });

  it.each<[string, string]>([
    ['2026-03-29T01:00+01:00', 'ok'],
    ['2026-03-29T02:30+01:00', 'OFF_GRID'],
    ['2026-03-29T03:00+02:00', 'ok'],
    ['2026-10-25T02:00+02:00', 'ok'],
    ['2026-10-25T02:00+01:00', 'OFF_GRID'],
    ['2026-10-25T04:30+01:00', 'OUTSIDE_AVAILABILITY'],
  ])('DST in Europe/Berlin: %s -> %s', (iso, expected) => {
    const night = makeRules({
      timezone: 'Europe/Berlin',
      weekly: [{ dayOfWeek: 6, startTime: '00:00', endTime: '05:00' }],
    });
    const check = checkSlot({
      rules: night,
      busy: NO_BUSY,
      start: at(iso),
      now: at('2026-01-01T00:00Z'),
    });
    expect(check.ok ? 'ok' : check.reason).toBe(expected);
  });

  it('throws RangeError on a non-finite start', () => {
    expect(() => checkSlot({ rules, busy, start: Number.NaN, now })).toThrow(RangeError);
  });
});
