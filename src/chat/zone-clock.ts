// An instant's wall-clock fields in a zone, by luxon's own arithmetic but with offsets remembered per day.
import { IANAZone } from 'luxon';
import { trackZoneOffsets } from '../slots/zone-offsets.ts';

const MINUTE_MS = 60_000;

/**
 * A Date whose UTC fields are the wall clock of `instant` in `zone` (instant plus the zone's
 * offset, exactly as luxon computes its local fields), or null when the zone is not valid or the
 * local year is outside 0000-9999; the caller then asks luxon itself. Chat formats every free
 * slot's day this way, so the per-instant Intl call luxon makes is what it saves.
 */
export function wallClockOf(instant: Date | number, zone: string): Date | null {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) return null;
  const iana = IANAZone.create(zone);
  if (!iana.isValid) return null;
  const shifted = new Date(ms + trackZoneOffsets(iana).minutesAt(ms) * MINUTE_MS);
  const year = shifted.getUTCFullYear();
  return year >= 0 && year <= 9999 ? shifted : null;
}
