// The strict date and instant parsers every edge uses: real fields only, supported years only.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDate } from '../../src/catalog/calendar-date.ts';
import { parseInstant } from '../../src/catalog/instant-text.ts';

const SEED = 20_261_130;
/** Instants from 1000-01-01T00:00:00Z to 9998-12-31T23:59:59.999Z. */
const supported = fc.date({
  min: new Date('1000-01-01T00:00:00.000Z'),
  max: new Date('9998-12-31T23:59:59.999Z'),
  noInvalidDate: true,
});

describe('isCalendarDate', () => {
  it.each(['2026-02-28', '2024-02-29', '2000-02-29', '1000-01-01', '9998-12-31'])(
    'accepts %s',
    (text) => expect(isCalendarDate(text)).toBe(true),
  );

  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '0000-01-01',
    '0999-12-31',
    '9999-01-01',
    '2026-1-01',
    '2026-01-01T00:00:00Z',
    ' 2026-01-01',
  ])('refuses %s', (text) => expect(isCalendarDate(text)).toBe(false));

  it('accepts exactly the days a Date prints, in the supported years', () => {
    fc.assert(
      fc.property(supported, (date) => isCalendarDate(date.toISOString().slice(0, 10))),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe('parseInstant', () => {
  it('reads every supported instant a Date prints, with any offset, to the millisecond', () => {
    fc.assert(
      fc.property(supported, fc.integer({ min: -14 * 60, max: 14 * 60 }), (date, offset) => {
        const shifted = new Date(date.getTime() + offset * 60_000);
        const sign = offset < 0 ? '-' : '+';
        const abs = Math.abs(offset);
        const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        const text = `${shifted.toISOString().slice(0, 23)}${zone}`;
        const parsed = parseInstant(text);
        // Near the ends the local time can be in range while the instant is not, and the reverse.
        if (shifted.getUTCFullYear() < 1000 || shifted.getUTCFullYear() > 9998) return true;
        return parsed?.getTime() === date.getTime();
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it.each([
    ['2026-12-01T09:00:00Z', '2026-12-01T09:00:00.000Z'],
    ['2026-12-01T09:00:00.123456789+01:00', '2026-12-01T08:00:00.123Z'],
    ['2026-12-01T00:30:00-14:00', '2026-12-01T14:30:00.000Z'],
    ['1000-01-01T00:00:00Z', '1000-01-01T00:00:00.000Z'],
    ['9998-12-31T23:59:59.999Z', '9998-12-31T23:59:59.999Z'],
  ])('reads %s', (text, iso) => expect(parseInstant(text)?.toISOString()).toBe(iso));

  it.each([
    '2026-02-30T00:00:00Z',
    '2026-02-29T00:00:00Z',
    '2026-12-01T24:00:00Z',
    '2026-12-01T09:60:00Z',
    '2026-12-01T09:00:60Z',
    '2026-12-01T09:00:00+24:00',
    '2026-12-01T09:00:00',
    '2026-12-01T09:00Z',
    '2026-12-01 09:00:00Z',
    '0000-01-01T00:00:00Z',
    '0999-12-31T23:59:59Z',
    '1000-01-01T00:30:00+01:00',
    '9999-01-01T00:00:00Z',
    '9998-12-31T23:30:00-14:00',
    '9999-12-31T23:59:59Z',
    '2026-12-01T09:00:00Z\u0000',
    '',
  ])('refuses %j', (text) => expect(parseInstant(text)).toBeNull());

  it('accepts a field-by-field text only when Date.parse reads the same fields back unchanged', () => {
    const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
        fc.tuple(two(13), two(32), two(25), two(61), two(61)),
        (year, [month, day, hour, minute, second]) => {
          const text = `${year}-${month}-${day}T${hour}:${minute}:${second}Z`;
          const parsed = parseInstant(text);
          const rolled = Number.isNaN(Date.parse(text))
            ? true
            : new Date(Date.parse(text)).toISOString().slice(0, 19) !== text.slice(0, 19);
          const inYears = Number(year) >= 1000 && Number(year) <= 9998;
          return parsed === null
            ? rolled || !inYears
            : !rolled && inYears && parsed.getTime() === Date.parse(text);
        },
      ),
      { seed: SEED, numRuns: 5000 },
    );
  });
});
