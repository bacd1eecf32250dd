// isoWriterInZone writes exactly what luxon's toISO prints: a table across transitions, then properties.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ISO_MAX_BYTES, isoWriterInZone } from '../../../src/http/json/iso-in-zone.ts';

/** The writer's bytes as text: `isoInZone(zone)(ms)`. */
function isoInZone(zone: string): (ms: number) => string {
  const write = isoWriterInZone(zone);
  const scratch = new Uint8Array(ISO_MAX_BYTES);
  return (ms) => new TextDecoder().decode(scratch.subarray(0, write(ms, scratch, 0)));
}

const luxonIso = (ms: number, zone: string) =>
  DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });

describe('isoInZone, instants either side of offset changes', () => {
  it.each<[string, string, string]>([
    ['Europe/Berlin', '2026-03-29T00:59:59Z', '2026-03-29T01:59:59+01:00'],
    ['Europe/Berlin', '2026-03-29T01:00:00Z', '2026-03-29T03:00:00+02:00'],
    ['Europe/Berlin', '2026-10-25T00:59:59Z', '2026-10-25T02:59:59+02:00'],
    ['Europe/Berlin', '2026-10-25T01:00:00Z', '2026-10-25T02:00:00+01:00'],
    ['Europe/Berlin', '2026-12-01T08:00:00.007Z', '2026-12-01T09:00:00.007+01:00'],
    ['America/New_York', '2026-03-08T06:59:59Z', '2026-03-08T01:59:59-05:00'],
    ['America/New_York', '2026-03-08T07:00:00Z', '2026-03-08T03:00:00-04:00'],
    ['America/New_York', '2026-11-01T05:59:59Z', '2026-11-01T01:59:59-04:00'],
    ['America/New_York', '2026-11-01T06:00:00Z', '2026-11-01T01:00:00-05:00'],
    ['America/New_York', '2026-11-01T04:30:00.250Z', '2026-11-01T00:30:00.250-04:00'],
    ['Australia/Lord_Howe', '2026-04-04T14:59:59Z', '2026-04-05T01:59:59+11:00'],
    ['Australia/Lord_Howe', '2026-04-04T15:00:00Z', '2026-04-05T01:30:00+10:30'],
    ['Australia/Lord_Howe', '2026-10-03T15:29:59Z', '2026-10-04T01:59:59+10:30'],
    ['Australia/Lord_Howe', '2026-10-03T15:30:00Z', '2026-10-04T02:30:00+11:00'],
    ['Asia/Kathmandu', '2026-07-01T00:00:00Z', '2026-07-01T05:45:00+05:45'],
    ['Asia/Kathmandu', '1985-12-31T18:29:59Z', '1985-12-31T23:59:59+05:30'],
    ['Asia/Kathmandu', '1985-12-31T18:30:00Z', '1986-01-01T00:15:00+05:45'],
    ['Pacific/Chatham', '2026-04-04T13:59:59Z', '2026-04-05T03:44:59+13:45'],
    ['Pacific/Chatham', '2026-04-04T14:00:00Z', '2026-04-05T02:45:00+12:45'],
    ['Pacific/Chatham', '2026-09-26T13:59:59Z', '2026-09-27T02:44:59+12:45'],
    ['Pacific/Chatham', '2026-09-26T14:00:00Z', '2026-09-27T03:45:00+13:45'],
    ['UTC', '2026-03-29T01:00:00Z', '2026-03-29T01:00:00Z'],
    ['Etc/UTC', '2026-03-29T01:00:00Z', '2026-03-29T01:00:00+00:00'],
  ])('%s %s -> %s', (zone, utc, expected) => {
    const ms = Date.parse(utc);
    expect(luxonIso(ms, zone)).toBe(expected);
    expect(isoInZone(zone)(ms)).toBe(expected);
  });

  it('gives the same text when one formatter crosses a transition forwards and backwards', () => {
    const format = isoInZone('Australia/Lord_Howe');
    const around = Date.parse('2026-04-04T15:00:00Z');
    const instants = [-1, 0, -1, 1_800_000, -1_800_001, 0].map((d) => around + d * 1000);
    expect(instants.map(format)).toEqual(instants.map((ms) => luxonIso(ms, 'Australia/Lord_Howe')));
  });

  it("leaves years luxon prints in long form to luxon, and an invalid zone to Date's UTC text", () => {
    const far = Date.parse('+012026-01-01T00:00:00Z');
    expect(isoInZone('Europe/Berlin')(far)).toBe(luxonIso(far, 'Europe/Berlin'));
    expect(isoInZone('Not/AZone')(0)).toBe('1970-01-01T00:00:00.000Z');
  });

  it('writes into a buffer at the index given and returns the index after the text', () => {
    const out = new Uint8Array(60).fill(32);
    const end = isoWriterInZone('Asia/Kathmandu')(Date.parse('2026-07-01T00:00:00Z'), out, 3);
    expect(end).toBe(3 + '2026-07-01T05:45:00+05:45'.length);
    expect(new TextDecoder().decode(out)).toBe(
      `   2026-07-01T05:45:00+05:45${' '.repeat(60 - end)}`,
    );
  });
});

const zones = [...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC', 'GMT'];
const zone = fc.constantFrom(...zones);
// 1850 to 2150: local mean time with second offsets, historic changes and rules yet to come.
const instant = fc.integer({ min: Date.UTC(1850, 0, 1), max: Date.UTC(2150, 0, 1) });
// Slot-like: whole quarter hours within a few months, so runs share days and cross transitions.
const quarterHours = fc.array(fc.integer({ min: 0, max: 12_000 }), { minLength: 1, maxLength: 60 });

describe('isoInZone against luxon', () => {
  it('agrees on random instants in random zones', () => {
    fc.assert(
      fc.property(zone, instant, (z, ms) => {
        expect(isoInZone(z)(ms)).toBe(luxonIso(ms, z));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees on many instants through one formatter, in any order', () => {
    fc.assert(
      fc.property(zone, instant, quarterHours, (z, base, steps) => {
        const format = isoInZone(z);
        for (const step of steps) {
          const ms = base + step * 900_000;
          expect(format(ms)).toBe(luxonIso(ms, z));
        }
      }),
      { numRuns: 500 },
    );
  });
});
