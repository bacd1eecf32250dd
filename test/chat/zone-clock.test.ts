// localDate and formatClock read the wall clock exactly as luxon does, across offset changes and in every zone.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { formatClock, localDate } from '../../src/chat/chat-format.ts';

const byLuxon = (ms: number, zone: string) => {
  const dt = DateTime.fromMillis(ms, { zone });
  return { date: dt.toFormat('yyyy-MM-dd'), clock: dt.toFormat('HH:mm') };
};

describe('localDate and formatClock', () => {
  it.each([
    ['Europe/Berlin', '2026-03-29T00:59:59.999Z', '2026-03-29', '01:59'],
    ['Europe/Berlin', '2026-03-29T01:00:00.000Z', '2026-03-29', '03:00'],
    ['Europe/Berlin', '2026-10-25T00:59:59.000Z', '2026-10-25', '02:59'],
    ['Europe/Berlin', '2026-10-25T01:00:00.000Z', '2026-10-25', '02:00'],
    ['America/New_York', '2026-11-01T05:59:00.000Z', '2026-11-01', '01:59'],
    ['America/New_York', '2026-11-01T06:00:00.000Z', '2026-11-01', '01:00'],
    ['Australia/Lord_Howe', '2026-04-04T14:59:00.000Z', '2026-04-05', '01:59'],
    ['Australia/Lord_Howe', '2026-04-04T15:00:00.000Z', '2026-04-05', '01:30'],
    ['Asia/Kathmandu', '2026-12-31T18:14:00.000Z', '2026-12-31', '23:59'],
    ['Asia/Kathmandu', '2026-12-31T18:15:00.000Z', '2027-01-01', '00:00'],
    ['Pacific/Kiritimati', '2026-12-06T10:00:00.000Z', '2026-12-07', '00:00'],
    ['UTC', '2026-12-06T23:59:59.999Z', '2026-12-06', '23:59'],
  ])('in %s, %s is %s %s', (zone, iso, date, clock) => {
    const ms = Date.parse(iso);
    expect(localDate(ms, zone)).toBe(date);
    expect(formatClock(new Date(ms), zone)).toBe(clock);
    expect(byLuxon(ms, zone)).toEqual({ date, clock });
  });

  it('agrees with luxon for any instant of 1850-2150 in any zone the runtime knows', () => {
    const zones = Intl.supportedValuesOf('timeZone');
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.parse('1850-01-01'), max: Date.parse('2150-01-01') }),
        (zone, ms) => {
          expect({ date: localDate(ms, zone), clock: formatClock(ms, zone) }).toEqual(
            byLuxon(ms, zone),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('leaves what it cannot do exactly to luxon: an unknown zone, a far year', () => {
    expect(localDate(0, 'Not/A_Zone')).toBe(byLuxon(0, 'Not/A_Zone').date);
    const far = Date.parse('+010000-01-01T12:00:00Z');
    expect(localDate(far, 'UTC')).toBe(byLuxon(far, 'UTC').date);
  });
});
