// ISO 8601 text of instants in one zone, byte for byte what luxon's toISO gives, without luxon's
// per-instant Intl call.
import { DateTime, Info } from 'luxon';
import { trackZoneOffsets } from './zone-offsets.ts';

/** Local times whose year is 0000-9999 print as Date's ISO text does; others go to luxon. */
const FIRST_PLAIN_MS = Date.parse('0000-01-01T00:00:00.000Z');
const DAY_MS = 86_400_000;
const LAST_PLAIN_MS = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * A formatter for one zone: `format(ms)` equals
 * `DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })` for every valid
 * instant (offset of that instant, 'Z' for luxon's fixed UTC zone, milliseconds only when not zero).
 * Falls back to luxon itself for local years outside 0000-9999 and for instants luxon rejects
 * (then returns what luxon returns: null). Keeps a per-formatter offset memo, so reuse one for
 * many instants of the same zone. @throws nothing; an invalid zone formats every instant as null.
 */
export function isoInZone(zoneName: string): (ms: number) => string | null {
  const zone = Info.normalizeZone(zoneName);
  if (!zone.isValid) return () => null;
  const offsets = trackZoneOffsets(zone);
  const zulu = zone.isUniversal;
  let suffixMinutes = Number.NaN;
  let suffix = '';
  // 'YYYY-MM-DDT' of the last local day printed: slots come in runs of the same day.
  let prefixDay = Number.NaN;
  let prefix = '';
  return (ms: number) => {
    if (!Number.isFinite(ms)) return luxonIso(ms, zoneName);
    const minutes = offsets.minutesAt(ms);
    // Same float arithmetic as luxon's tsToObj, so fractional local-mean-time offsets agree too.
    const local = ms + minutes * 60 * 1000;
    if (!(local >= FIRST_PLAIN_MS && local <= LAST_PLAIN_MS)) return luxonIso(ms, zoneName);
    if (!Object.is(minutes, suffixMinutes)) {
      suffixMinutes = minutes;
      suffix = zulu && minutes === 0 ? 'Z' : offsetText(minutes);
    }
    // Date truncates a fractional time value; do the same before splitting it up.
    const whole = Math.trunc(local);
    const day = Math.floor(whole / DAY_MS);
    if (day !== prefixDay) {
      prefixDay = day;
      prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    }
    return prefix + timeOfDay(whole - day * DAY_MS) + suffix;
  };
}

/** 'HH:MM:SS', plus '.mmm' only when the milliseconds are not zero (suppressMilliseconds). */
function timeOfDay(msOfDay: number): string {
  const seconds = Math.floor(msOfDay / 1000);
  const millis = msOfDay - seconds * 1000;
  const hms = `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
  return millis === 0 ? hms : `${hms}.${String(millis).padStart(3, '0')}`;
}

/** luxon's '+HH:MM' / '-HH:MM': hours and minutes truncated, seconds of the offset dropped. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad2(Math.trunc(abs / 60))}:${pad2(Math.trunc(abs % 60))}`;
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

function pad2(n: number): string {
  return TWO_DIGITS[n] ?? String(n).padStart(2, '0');
}

function luxonIso(ms: number, zone: string): string | null {
  return DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });
}
