// Resolves IANA zone names and reads UTC offsets through luxon (the only slow call of the engine).

import { IANAZone } from 'luxon';
import { MINUTE_MS } from './time-units.ts';

/** A validated IANA time zone. */
export type TimeZone = IANAZone;

/**
 * The luxon zone for an IANA name (cached by luxon, so repeated calls are cheap).
 * @throws RangeError when the name is not a zone known to the runtime's Intl data.
 */
export function resolveTimeZone(name: string): TimeZone {
  const zone = IANAZone.create(name);
  if (!zone.isValid) {
    throw new RangeError(`Unknown time zone '${name}'`);
  }
  return zone;
}

/**
 * Offsets already read, per zone and instant. A zone's offset at an instant is fixed for the life
 * of the process (the runtime's tzdata does not change under it), so remembering it changes no
 * answer; it saves the Intl call that dominated a 62-day slot request (hundreds per request,
 * the same instants every time: day edges and their bisections). Bounded: cleared when full.
 */
const offsetMemo = new WeakMap<TimeZone, Map<number, number>>();
const MEMO_LIMIT = 100_000;

/**
 * UTC offset in milliseconds (local wall clock minus UTC) in effect at an instant.
 *
 * Cost: one Intl formatToParts call (microseconds) the first time an instant is asked for in a
 * zone, a map look-up after that; callers must still not call it per slot.
 * Invariant: local wall-clock ms = instant + offsetMsAt(zone, instant).
 */
export function offsetMsAt(zone: TimeZone, instant: number): number {
  let memo = offsetMemo.get(zone);
  if (memo === undefined) {
    memo = new Map();
    offsetMemo.set(zone, memo);
  }
  const known = memo.get(instant);
  if (known !== undefined) return known;
  const offset = Math.round(zone.offset(instant) * MINUTE_MS);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(instant, offset);
  return offset;
}
