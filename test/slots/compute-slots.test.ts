// Table-driven cases for computeSlots: DST, odd offsets, overrides, buffers, limits, busy times.

import { describe, expect, it } from 'vitest';
import { computeSlots } from '../../src/slots/compute-slots.ts';
import type { BusyTimes, SlotQuery, SlotRules } from '../../src/slots/slot-types.ts';
import {
  EARLY_NOW,
  everyDay,
  localIso,
  makeRules,
  NO_BUSY,
  override,
  range,
  startsIn,
} from './slot-fixtures.ts';

type Case = {
  readonly name: string;
  readonly rules: Partial<SlotRules>;
  readonly from: string;
  readonly days?: number;
  readonly busy?: BusyTimes;
  readonly now?: number;
  readonly expected: readonly string[];
};

function run(c: Case): string[] {
  const rules = makeRules(c.rules);
  const query: SlotQuery = {
    rules,
    busy: c.busy ?? NO_BUSY,
    from: c.from,
    days: c.days ?? 1,
    now: c.now ?? EARLY_NOW,
  };
  return startsIn(computeSlots(query), rules.timezone);
}

const hours = (date: string, offset: string, from: number, to: number): string[] =>
  Array.from({ length: to - from }, (_, i) => {
    const hour = String(from + i).padStart(2, '0');
    return `${date}T${hour}:00${offset}`;
  });

describe('computeSlots across DST changes', () => {
  const cases: Case[] = [
    {
      name: 'Berlin spring 09:00-17:00',
      rules: { timezone: 'Europe/Berlin', weekly: everyDay('09:00', '17:00') },
      from: '2026-03-29',
      expected: hours('2026-03-29', '+02:00', 9, 17),
    },
    {
      name: 'Berlin fall 09:00-17:00',
      rules: { timezone: 'Europe/Berlin', weekly: everyDay('09:00', '17:00') },
      from: '2026-10-25',
      expected: hours('2026-10-25', '+01:00', 9, 17),
    },
    {
      name: 'New York spring 09:00-17:00',
      rules: { timezone: 'America/New_York', weekly: everyDay('09:00', '17:00') },
      from: '2026-03-08',
      expected: hours('2026-03-08', '-04:00', 9, 17),
    },
    {
      name: 'New York fall 09:00-17:00',
      rules: { timezone: 'America/New_York', weekly: everyDay('09:00', '17:00') },
      from: '2026-11-01',
      expected: hours('2026-11-01', '-05:00', 9, 17),
    },
    {
      name: 'Berlin spring night: 02:00 does not exist',
      rules: { timezone: 'Europe/Berlin', weekly: everyDay('00:00', '05:00') },
      from: '2026-03-29',
      expected: [
        '2026-03-29T00:00+01:00',
        '2026-03-29T01:00+01:00',
        '2026-03-29T03:00+02:00',
        '2026-03-29T04:00+02:00',
      ],
    },
    {
      name: 'Berlin fall night: 02:00 taken once, first occurrence',
      rules: { timezone: 'Europe/Berlin', weekly: everyDay('00:00', '05:00') },
      from: '2026-10-25',
      expected: [
        '2026-10-25T00:00+02:00',
        '2026-10-25T01:00+02:00',
        '2026-10-25T02:00+02:00',
        '2026-10-25T03:00+01:00',
        '2026-10-25T04:00+01:00',
      ],
    },
    {
      name: 'New York spring night: 02:00 does not exist',
      rules: { timezone: 'America/New_York', weekly: everyDay('00:00', '05:00') },
      from: '2026-03-08',
      expected: [
        '2026-03-08T00:00-05:00',
        '2026-03-08T01:00-05:00',
        '2026-03-08T03:00-04:00',
        '2026-03-08T04:00-04:00',
      ],
    },
    {
      name: 'New York fall night: 01:00 taken once, first occurrence',
      rules: { timezone: 'America/New_York', weekly: everyDay('00:00', '05:00') },
      from: '2026-11-01',
      expected: [
        '2026-11-01T00:00-04:00',
        '2026-11-01T01:00-04:00',
        '2026-11-01T02:00-05:00',
        '2026-11-01T03:00-05:00',
        '2026-11-01T04:00-05:00',
      ],
    },
    {
      name: 'Berlin fall, half-hour grid through the repeated hour',
      rules: {
        timezone: 'Europe/Berlin',
        weekly: everyDay('01:30', '03:30'),
        durationMinutes: 30,
      },
      from: '2026-10-25',
      expected: [
        '2026-10-25T01:30+02:00',
        '2026-10-25T02:00+02:00',
        '2026-10-25T02:30+02:00',
        '2026-10-25T03:00+01:00',
      ],
    },
    {
      name: 'window starting in the gap: its nonexistent first grid time is skipped',
      rules: {
        timezone: 'Europe/Berlin',
        weekly: everyDay('02:30', '04:00'),
        durationMinutes: 30,
      },
      from: '2026-03-29',
      expected: ['2026-03-29T03:00+02:00', '2026-03-29T03:30+02:00'],
    },
    {
      name: 'window ending in the gap ends at the transition (03:00+02:00)',
      rules: {
        timezone: 'Europe/Berlin',
        weekly: everyDay('01:00', '02:30'),
        slotIntervalMinutes: 30,
      },
      from: '2026-03-29',
      expected: ['2026-03-29T01:00+01:00'],
    },
  ];

  it.each(cases)('$name', (c) => {
    expect(run(c)).toEqual(c.expected);
  });

  it.each([
    ['Europe/Berlin', '2026-03-29'],
    ['Europe/Berlin', '2026-10-25'],
    ['America/New_York', '2026-03-08'],
    ['America/New_York', '2026-11-01'],
  ])('09:00-17:00 in %s on %s spans exactly 8 real hours', (timezone, from) => {
    const slots = computeSlots({
      rules: makeRules({ timezone }),
      busy: NO_BUSY,
      from,
      days: 1,
      now: EARLY_NOW,
    });
    expect(slots).toHaveLength(8);
    expect((slots.at(-1)?.end ?? 0) - (slots[0]?.start ?? 0)).toBe(8 * 3_600_000);
  });
});

describe('computeSlots in odd zones', () => {
  const cases: Case[] = [
    {
      name: 'Asia/Kolkata (+05:30)',
      rules: { timezone: 'Asia/Kolkata', weekly: everyDay('09:00', '12:00') },
      from: '2026-05-04',
      expected: ['2026-05-04T09:00+05:30', '2026-05-04T10:00+05:30', '2026-05-04T11:00+05:30'],
    },
    {
      name: 'Asia/Kathmandu (+05:45)',
      rules: { timezone: 'Asia/Kathmandu', weekly: everyDay('23:00', '24:00') },
      from: '2026-05-04',
      expected: ['2026-05-04T23:00+05:45'],
    },
    {
      name: 'Pacific/Auckland Monday window is a Sunday in UTC',
      rules: {
        timezone: 'Pacific/Auckland',
        weekly: [{ dayOfWeek: 0, startTime: '08:00', endTime: '10:00' }],
      },
      from: '2026-05-04',
      expected: ['2026-05-04T08:00+12:00', '2026-05-04T09:00+12:00'],
    },
    {
      name: 'Pacific/Auckland Sunday has no Monday window',
      rules: {
        timezone: 'Pacific/Auckland',
        weekly: [{ dayOfWeek: 0, startTime: '08:00', endTime: '10:00' }],
      },
      from: '2026-05-03',
      expected: [],
    },
  ];

  it.each(cases)('$name', (c) => {
    expect(run(c)).toEqual(c.expected);
  });

  it('takes the weekday in the provider zone, not in UTC', () => {
    const slots = computeSlots({
      rules: makeRules({
        timezone: 'Pacific/Auckland',
        weekly: [{ dayOfWeek: 0, startTime: '08:00', endTime: '09:00' }],
      }),
      busy: NO_BUSY,
      from: '2026-05-04',
      days: 1,
      now: EARLY_NOW,
    });
    expect(slots.map((slot) => localIso(slot.start, 'UTC'))).toEqual(['2026-05-03T20:00+00:00']);
  });
});

// 2026-05-04 is a Monday; 2026-05-10 a Sunday. Weekly: Monday-Friday 09:00-17:00, UTC.
const weekdays = [0, 1, 2, 3, 4].map((dayOfWeek) => ({
  dayOfWeek,
  startTime: '09:00',
  endTime: '17:00',
}));

describe('computeSlots with overrides', () => {
  const cases: Case[] = [
    {
      name: 'blocked with times cuts the window and the grid restarts after it',
      rules: { weekly: weekdays, overrides: [override('2026-05-04', ['12:00', '13:30'], true)] },
      from: '2026-05-04',
      expected: [
        '2026-05-04T09:00+00:00',
        '2026-05-04T10:00+00:00',
        '2026-05-04T11:00+00:00',
        '2026-05-04T13:30+00:00',
        '2026-05-04T14:30+00:00',
        '2026-05-04T15:30+00:00',
      ],
    },
    {
      name: 'blocked whole day',
      rules: { weekly: weekdays, overrides: [override('2026-05-04', null, true)] },
      from: '2026-05-04',
      expected: [],
    },
    {
      name: 'blocked whole day also removes extra availability that day',
      rules: {
        weekly: weekdays,
        overrides: [
          override('2026-05-04', ['18:00', '20:00'], false),
          override('2026-05-04', null, true),
        ],
      },
      from: '2026-05-04',
      expected: [],
    },
    {
      name: 'extra availability on a normal day is a union (adjacent windows merge)',
      rules: { weekly: weekdays, overrides: [override('2026-05-04', ['17:00', '19:00'], false)] },
      from: '2026-05-04',
      expected: hours('2026-05-04', '+00:00', 9, 19),
    },
    {
      name: 'extra availability overlapping the weekly window merges with it',
      rules: {
        weekly: weekdays,
        overrides: [override('2026-05-04', ['16:30', '18:30'], false)],
      },
      from: '2026-05-04',
      expected: hours('2026-05-04', '+00:00', 9, 18),
    },
    {
      name: 'extra availability on a day off',
      rules: { weekly: weekdays, overrides: [override('2026-05-10', ['10:00', '12:00'], false)] },
      from: '2026-05-10',
      expected: ['2026-05-10T10:00+00:00', '2026-05-10T11:00+00:00'],
    },
    {
      name: 'blocked times cut extra availability on a day off',
      rules: {
        weekly: weekdays,
        overrides: [
          override('2026-05-10', ['08:00', '12:00'], false),
          override('2026-05-10', ['09:00', '10:00'], true),
        ],
      },
      from: '2026-05-10',
      expected: ['2026-05-10T08:00+00:00', '2026-05-10T10:00+00:00', '2026-05-10T11:00+00:00'],
    },
    {
      name: 'overrides of other days change nothing',
      rules: { weekly: weekdays, overrides: [override('2026-05-05', null, true)] },
      from: '2026-05-04',
      expected: hours('2026-05-04', '+00:00', 9, 17),
    },
  ];

  it.each(cases)('$name', (c) => {
    expect(run(c)).toEqual(c.expected);
  });
});

describe('computeSlots grid, buffers and windows', () => {
  const cases: Case[] = [
    {
      name: 'grid step is duration + buffer; the buffer may run past the window end',
      rules: { weekly: everyDay('09:00', '11:00'), durationMinutes: 30, bufferMinutes: 15 },
      from: '2026-05-04',
      expected: ['2026-05-04T09:00+00:00', '2026-05-04T09:45+00:00', '2026-05-04T10:30+00:00'],
    },
    {
      name: 'a buffer overlapping an appointment blocks the slot',
      rules: { weekly: everyDay('09:00', '11:00'), durationMinutes: 30, bufferMinutes: 15 },
      from: '2026-05-04',
      busy: {
        appointments: [
          range('2026-05-04T11:00Z', '2026-05-04T12:00Z'),
          range('2026-05-04T09:44Z', '2026-05-04T09:45Z'),
        ],
      },
      expected: ['2026-05-04T09:45+00:00'],
    },
    {
      name: 'explicit slot interval shorter than the duration',
      rules: { weekly: everyDay('09:00', '11:00'), slotIntervalMinutes: 30 },
      from: '2026-05-04',
      expected: ['2026-05-04T09:00+00:00', '2026-05-04T09:30+00:00', '2026-05-04T10:00+00:00'],
    },
    {
      name: 'explicit slot interval with a buffer',
      rules: {
        weekly: everyDay('09:00', '10:00'),
        durationMinutes: 30,
        bufferMinutes: 10,
        slotIntervalMinutes: 15,
      },
      from: '2026-05-04',
      expected: ['2026-05-04T09:00+00:00', '2026-05-04T09:15+00:00', '2026-05-04T09:30+00:00'],
    },
    {
      name: 'multiple windows a day, given unsorted and overlapping',
      rules: {
        weekly: [
          { dayOfWeek: 0, startTime: '14:00', endTime: '16:00' },
          { dayOfWeek: 0, startTime: '09:00', endTime: '10:30' },
          { dayOfWeek: 0, startTime: '10:00', endTime: '11:00' },
        ],
      },
      from: '2026-05-04',
      expected: [
        '2026-05-04T09:00+00:00',
        '2026-05-04T10:00+00:00',
        '2026-05-04T14:00+00:00',
        '2026-05-04T15:00+00:00',
      ],
    },
    {
      name: 'adjacent weekly windows merge into one grid',
      rules: {
        weekly: [
          { dayOfWeek: 0, startTime: '10:00', endTime: '11:00' },
          { dayOfWeek: 0, startTime: '09:00', endTime: '10:00' },
        ],
        durationMinutes: 45,
      },
      from: '2026-05-04',
      expected: ['2026-05-04T09:00+00:00', '2026-05-04T09:45+00:00'],
    },
    {
      name: 'a window running to 24:00',
      rules: { weekly: everyDay('22:00', '24:00') },
      from: '2026-05-04',
      expected: ['2026-05-04T22:00+00:00', '2026-05-04T23:00+00:00'],
    },
    {
      name: 'duplicate windows over several days: sorted, no duplicates',
      rules: {
        weekly: [...everyDay('09:00', '11:00'), ...everyDay('09:00', '11:00')],
      },
      from: '2026-05-04',
      days: 2,
      expected: [
        '2026-05-04T09:00+00:00',
        '2026-05-04T10:00+00:00',
        '2026-05-05T09:00+00:00',
        '2026-05-05T10:00+00:00',
      ],
    },
  ];

  it.each(cases)('$name', (c) => {
    expect(run(c)).toEqual(c.expected);
  });
});

describe('computeSlots limits and busy times', () => {
  const threeHours = everyDay('09:00', '12:00');
  const cases: Case[] = [
    {
      name: 'minimum notice hides slots starting too soon',
      rules: { weekly: threeHours, minNoticeMinutes: 60 },
      from: '2026-05-04',
      now: Date.parse('2026-05-04T08:30Z'),
      expected: ['2026-05-04T10:00+00:00', '2026-05-04T11:00+00:00'],
    },
    {
      name: 'a start exactly at now + notice is offered',
      rules: { weekly: threeHours, minNoticeMinutes: 30 },
      from: '2026-05-04',
      now: Date.parse('2026-05-04T08:30Z'),
      expected: hours('2026-05-04', '+00:00', 9, 12),
    },
    {
      name: 'past slots are never offered',
      rules: { weekly: threeHours },
      from: '2026-05-04',
      now: Date.parse('2026-05-04T10:00:01Z'),
      expected: ['2026-05-04T11:00+00:00'],
    },
    {
      name: 'max advance: a start exactly at now + days * 24h is offered, later ones not',
      rules: { weekly: threeHours, maxAdvanceDays: 1 },
      from: '2026-05-04',
      days: 2,
      now: Date.parse('2026-05-03T10:00Z'),
      expected: ['2026-05-04T09:00+00:00', '2026-05-04T10:00+00:00'],
    },
    {
      name: 'appointments unsorted and overlapping; touching is not overlapping',
      rules: { weekly: everyDay('09:00', '17:00') },
      from: '2026-05-04',
      busy: {
        appointments: [
          range('2026-05-04T15:00Z', '2026-05-04T15:30Z'),
          range('2026-05-04T10:00Z', '2026-05-04T11:00Z'),
          range('2026-05-04T12:30Z', '2026-05-04T13:10Z'),
          range('2026-05-04T12:50Z', '2026-05-04T13:00Z'),
          range('2026-05-04T16:00Z', '2026-05-04T16:00Z'),
        ],
      },
      expected: [
        '2026-05-04T09:00+00:00',
        '2026-05-04T11:00+00:00',
        '2026-05-04T14:00+00:00',
        '2026-05-04T16:00+00:00',
      ],
    },
    {
      name: 'a busy range spanning days blocks all of them',
      rules: { weekly: threeHours },
      from: '2026-05-04',
      days: 3,
      busy: { appointments: [range('2026-05-04T10:30Z', '2026-05-06T09:30Z')] },
      expected: ['2026-05-04T09:00+00:00', '2026-05-06T10:00+00:00', '2026-05-06T11:00+00:00'],
    },
  ];

  it.each(cases)('$name', (c) => {
    expect(run(c)).toEqual(c.expected);
  });
});

describe('computeSlots input errors', () => {
  const base: SlotQuery = {
    rules: makeRules(),
    busy: NO_BUSY,
    from: '2026-05-04',
    days: 1,
    now: EARLY_NOW,
  };
  it.each<[string, SlotQuery]>([
    ['unknown timezone', { ...base, rules: makeRules({ timezone: 'Mars/Olympus' }) }],
    ['malformed time', { ...base, rules: makeRules({ weekly: everyDay('9:00', '17:00') }) }],
    [
      'window ending before it starts',
      { ...base, rules: makeRules({ weekly: everyDay('17:00', '09:00') }) },
    ],
    ['zero duration', { ...base, rules: makeRules({ durationMinutes: 0 }) }],
    ['negative buffer', { ...base, rules: makeRules({ bufferMinutes: -5 }) }],
    ['zero interval', { ...base, rules: makeRules({ slotIntervalMinutes: 0 }) }],
    [
      'weekday 7',
      {
        ...base,
        rules: makeRules({ weekly: [{ dayOfWeek: 7, startTime: '09:00', endTime: '10:00' }] }),
      },
    ],
    [
      'extra availability without times',
      { ...base, rules: makeRules({ overrides: [override('2026-05-04', null, false)] }) },
    ],
    ['impossible date', { ...base, from: '2026-02-30' }],
    ['zero days', { ...base, days: 0 }],
    ['non-finite now', { ...base, now: Number.NaN }],
  ])('%s throws RangeError', (_name, query) => {
    expect(() => computeSlots(query)).toThrow(RangeError);
  });
});
