// Understanding a typed time zone: an IANA name, a city that ends one ("new york"), or a few
// well-known places that no zone is named after.
import { normalizeTimezone } from '../domain/timezone.ts';
import { RENAMED_ZONES } from '../domain/timezone-names.ts';

/** Offered as buttons when the platform does not tell the user's zone. */
export const COMMON_TIMEZONES = [
  'Europe/London',
  'Europe/Berlin',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Kolkata',
  'Australia/Sydney',
] as const;

// Places people type that are not the last part of any zone name.
const ALIASES: Record<string, string> = {
  kolkata: 'Asia/Kolkata',
  mumbai: 'Asia/Kolkata',
  delhi: 'Asia/Kolkata',
  newdelhi: 'Asia/Kolkata',
  bangalore: 'Asia/Kolkata',
  bengaluru: 'Asia/Kolkata',
  chennai: 'Asia/Kolkata',
  india: 'Asia/Kolkata',
  kyiv: 'Europe/Kyiv',
  hochiminh: 'Asia/Ho_Chi_Minh',
  hochiminhcity: 'Asia/Ho_Chi_Minh',
  sanfrancisco: 'America/Los_Angeles',
  seattle: 'America/Los_Angeles',
  washington: 'America/New_York',
  boston: 'America/New_York',
  miami: 'America/New_York',
  toronto: 'America/Toronto',
  munich: 'Europe/Berlin',
  hamburg: 'Europe/Berlin',
  frankfurt: 'Europe/Berlin',
  utc: 'UTC',
  gmt: 'UTC',
};

let byCity: Map<string, string> | null = null;

function squash(text: string): string {
  return text.toLowerCase().replace(/[\s_\-'.]+/g, '');
}

function cityIndex(): Map<string, string> {
  if (byCity) return byCity;
  byCity = new Map();
  // The runtime lists some zones under an older name only (America/Godthab), so add today's.
  for (const zone of [...Intl.supportedValuesOf('timeZone'), ...RENAMED_ZONES]) {
    const city = zone.split('/').at(-1);
    if (city && !byCity.has(squash(city))) byCity.set(squash(city), zone);
  }
  return byCity;
}

/**
 * The IANA zone `text` names, spelled as the tz database spells the name typed, or null. Accepts a
 * full zone name in any case ('asia/kolkata' gives 'Asia/Kolkata', not the runtime's
 * 'Asia/Calcutta'), the city of one with spaces or any case ('new york', 'Los Angeles', 'Kyiv'),
 * and a few aliases ('Mumbai').
 */
export function matchTimezone(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 64) return null;
  const exact = trimmed.includes('/') ? normalizeTimezone(trimmed.replace(/\s+/g, '_')) : null;
  if (exact) return exact;
  const key = squash(trimmed);
  const zone = ALIASES[key] ?? cityIndex().get(key);
  return zone ? normalizeTimezone(zone) : null;
}
