// Zone names keep the user's spelling with only the case corrected; same-zone checks.
import { describe, expect, it } from 'vitest';
import { normalizeTimezone, sameTimezone } from '../../src/domain/timezone.ts';
import { OTHER_ZONE_NAMES, RENAMED_ZONES } from '../../src/domain/timezone-names.ts';

describe('normalizeTimezone', () => {
  it.each([
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['asia/kolkata', 'Asia/Kolkata'],
    ['ASIA/KOLKATA', 'Asia/Kolkata'],
    ['Asia/Calcutta', 'Asia/Calcutta'],
    ['asia/calcutta', 'Asia/Calcutta'],
    ['Europe/Kyiv', 'Europe/Kyiv'],
    ['europe/kyiv', 'Europe/Kyiv'],
    ['europe/kiev', 'Europe/Kiev'],
    ['europe/berlin', 'Europe/Berlin'],
    ['America/Nuuk', 'America/Nuuk'],
    ['pacific/kanton', 'Pacific/Kanton'],
    ['UTC', 'UTC'],
    ['utc', 'UTC'],
    ['etc/utc', 'Etc/UTC'],
    ['gmt', 'GMT'],
    ['Etc/GMT+5', 'Etc/GMT+5'],
    ['etc/gmt-14', 'Etc/GMT-14'],
    ['america/port-au-prince', 'America/Port-au-Prince'],
    ['america/north_dakota/new_salem', 'America/North_Dakota/New_Salem'],
    ['america/argentina/comodrivadavia', 'America/Argentina/ComodRivadavia'],
    ['est5edt', 'EST5EDT'],
    ['us/pacific', 'US/Pacific'],
    ['nz-chat', 'NZ-CHAT'],
    // Dropped from the tz database, though the runtime takes it: the runtime's zone for it.
    ['US/Pacific-New', 'America/Los_Angeles'],
  ])('%j gives %j', (name, expected) => {
    expect(normalizeTimezone(name)).toBe(expected);
  });

  it.each([
    ['an unknown zone', 'Mars/Olympus'],
    ['an offset', '+01:00'],
    ['a negative offset', '-05:00'],
    ['empty', ''],
    ['over 64 characters', `Europe/${'x'.repeat(58)}`],
    ['a NUL character', 'Europe/Berlin\u0000'],
    ['surrounding spaces', ' UTC '],
    ['a path', '../etc/passwd'],
  ])('refuses %s', (_, name) => {
    expect(normalizeTimezone(name)).toBeNull();
  });

  it.each(['IST', 'pst'])('turns the runtime-only %j into a tz database name', (name) => {
    const zone = normalizeTimezone(name);
    const known = [...Intl.supportedValuesOf('timeZone'), ...RENAMED_ZONES, ...OTHER_ZONE_NAMES];
    expect(known).toContain(zone);
    expect(sameTimezone(name, zone ?? '')).toBe(true);
  });

  it('gives every listed name back exactly, and every runtime zone as it is listed', () => {
    for (const zone of [...RENAMED_ZONES, ...OTHER_ZONE_NAMES]) {
      expect(normalizeTimezone(zone)).toBe(zone);
      expect(normalizeTimezone(zone.toUpperCase())).toBe(zone);
    }
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      expect(normalizeTimezone(zone.toLowerCase())).toBe(zone);
    }
  });

  it('lists no name twice, even apart from case', () => {
    const all = [...Intl.supportedValuesOf('timeZone'), ...RENAMED_ZONES, ...OTHER_ZONE_NAMES];
    const lower = new Set(all.map((zone) => zone.toLowerCase()));
    expect(new Set([...RENAMED_ZONES, ...OTHER_ZONE_NAMES]).size).toBe(
      RENAMED_ZONES.length + OTHER_ZONE_NAMES.length,
    );
    expect(lower.size).toBe(new Set(all).size);
  });
});

describe('sameTimezone', () => {
  it.each([
    ['Asia/Kolkata', 'asia/calcutta', true],
    ['Europe/Kyiv', 'Europe/Kiev', true],
    ['UTC', 'Etc/UTC', true],
    ['Europe/Berlin', 'Europe/Berlin', true],
    ['Europe/Berlin', 'Europe/Paris', false],
    ['Mars/Olympus', 'Mars/Olympus', false],
    ['+01:00', '+01:00', false],
    ['UTC', '', false],
  ])('%j and %j: %s', (a, b, same) => {
    expect(sameTimezone(a, b)).toBe(same);
  });
});
