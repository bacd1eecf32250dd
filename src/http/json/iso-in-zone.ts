// ISO 8601 text of instants in one zone, byte for byte what luxon's toISO gives, written straight
// into a byte buffer without luxon's per-instant Intl call.
import { DateTime, Info } from 'luxon';
import { trackZoneOffsets } from '../../slots/zone-offsets.ts';

/** Writes the text of `ms` into `out` from index `at`; returns the index after it. */
export type IsoWriter = (ms: number, out: Uint8Array, at: number) => number;

/** Room one instant's text may need: '+012026-01-01T00:00:00.000+14:00' and some. */
export const ISO_MAX_BYTES = 40;

const DAY_MS = 86_400_000;
/** Local times whose year is 0000-9999 print as Date's ISO text does; others go to luxon. */
const FIRST_PLAIN_MS = Date.parse('0000-01-01T00:00:00.000Z');
const LAST_PLAIN_MS = Date.parse('9999-12-31T23:59:59.999Z');
const ZERO = 48;
const COLON = 58;
const DOT = 46;

/**
 * A writer for one zone: the bytes of
 * `DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })` for every valid
 * instant (offset of that instant, 'Z' for luxon's fixed UTC zone, milliseconds only when not
 * zero). Local years outside 0000-9999 are left to luxon itself; when luxon gives null (an
 * invalid zone or instant) it writes `new Date(ms).toISOString()`, as the route always did.
 * `out` needs ISO_MAX_BYTES free from `at`. Reuse one writer for many instants of a zone: it keeps
 * the last day's and offset's bytes. @throws RangeError when ms is not a valid Date either.
 */
export function isoWriterInZone(zoneName: string): IsoWriter {
  const zone = Info.normalizeZone(zoneName);
  if (!zone.isValid) return (ms, out, at) => writeAscii(luxonIso(ms, zoneName), out, at);
  const offsets = trackZoneOffsets(zone);
  let suffixMinutes = Number.NaN;
  let suffix: number[] = [];
  // 'YYYY-MM-DDT' of the last local day written: slots come in runs of the same day.
  let prefixDay = Number.NaN;
  let prefix: number[] = [];
  return (ms, out, at) => {
    if (!Number.isFinite(ms)) return writeAscii(luxonIso(ms, zoneName), out, at);
    const minutes = offsets.minutesAt(ms);
    // Same float arithmetic as luxon's tsToObj, so fractional local-mean-time offsets agree too.
    const local = ms + minutes * 60 * 1000;
    if (!(local >= FIRST_PLAIN_MS && local <= LAST_PLAIN_MS)) {
      return writeAscii(luxonIso(ms, zoneName), out, at);
    }
    if (!Object.is(minutes, suffixMinutes)) {
      suffixMinutes = minutes;
      suffix = codes(zone.isUniversal && minutes === 0 ? 'Z' : offsetText(minutes));
    }
    // Date truncates a fractional time value; do the same before splitting it up.
    const whole = Math.trunc(local);
    const day = Math.floor(whole / DAY_MS);
    if (day !== prefixDay) {
      prefixDay = day;
      prefix = codes(new Date(day * DAY_MS).toISOString().slice(0, 11));
    }
    const end = writeCodes(prefix, out, at);
    return writeCodes(suffix, out, writeTimeOfDay(whole - day * DAY_MS, out, end));
  };
}

/** 'HH:MM:SS', plus '.mmm' only when the milliseconds are not zero (suppressMilliseconds). */
function writeTimeOfDay(msOfDay: number, out: Uint8Array, at: number): number {
  const seconds = Math.floor(msOfDay / 1000);
  const millis = msOfDay - seconds * 1000;
  writeTwo(Math.floor(seconds / 3600), out, at);
  out[at + 2] = COLON;
  writeTwo(Math.floor(seconds / 60) % 60, out, at + 3);
  out[at + 5] = COLON;
  writeTwo(seconds % 60, out, at + 6);
  if (millis === 0) return at + 8;
  out[at + 8] = DOT;
  out[at + 9] = ZERO + Math.floor(millis / 100);
  writeTwo(millis % 100, out, at + 10);
  return at + 12;
}

function writeTwo(n: number, out: Uint8Array, at: number): void {
  out[at] = ZERO + Math.floor(n / 10);
  out[at + 1] = ZERO + (n % 10);
}

/** luxon's '+HH:MM' / '-HH:MM': hours and minutes truncated, seconds of the offset dropped. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${sign}${two(Math.trunc(abs / 60))}:${two(Math.trunc(abs % 60))}`;
}

function codes(ascii: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < ascii.length; i++) out.push(ascii.charCodeAt(i));
  return out;
}

function writeCodes(bytes: readonly number[], out: Uint8Array, at: number): number {
  for (let i = 0; i < bytes.length; i++) out[at + i] = bytes[i] ?? 0;
  return at + bytes.length;
}

/** ISO text is ASCII: one byte per character. */
function writeAscii(text: string, out: Uint8Array, at: number): number {
  for (let i = 0; i < text.length; i++) out[at + i] = text.charCodeAt(i);
  return at + text.length;
}

function luxonIso(ms: number, zone: string): string {
  // Null only for an invalid zone or instant; the provider's zone was validated on save.
  return (
    DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true }) ??
    new Date(ms).toISOString()
  );
}
