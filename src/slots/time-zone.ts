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
 * UTC offset in milliseconds (local wall clock minus UTC) in effect at an instant.
 *
 * Cost: one Intl formatToParts call (microseconds); callers must not call it per slot.
 * Invariant: local wall-clock ms = instant + offsetMsAt(zone, instant).
 */
export function offsetMsAt(zone: TimeZone, instant: number): number {
  return Math.round(zone.offset(instant) * MINUTE_MS);
}
