// IANA time zone validation, shared by every edge that accepts a zone name.
import { OTHER_ZONE_NAMES, RENAMED_ZONES } from './timezone-names.ts';

let spellings: Map<string, string> | null = null;

// Lower-case name -> IANA spelling, for every name the runtime lists plus the ones it may not.
function spellingIndex(): Map<string, string> {
  if (spellings) return spellings;
  spellings = new Map();
  for (const list of [Intl.supportedValuesOf('timeZone'), RENAMED_ZONES, OTHER_ZONE_NAMES]) {
    for (const zone of list) spellings.set(zone.toLowerCase(), zone);
  }
  return spellings;
}

// Answers for names already asked about: building a DateTimeFormat costs more than the rest of a
// chat turn's zone work, and every turn asks. Bounded: a flood of made-up names cannot grow it.
const known = new Map<string, string | null>();
const KNOWN_MAX = 2_000;

// The runtime's own name for a zone it accepts (in any case), or null. Never throws.
function runtimeZone(name: string): string | null {
  const cached = known.get(name);
  if (cached !== undefined) return cached;
  const zone = askRuntime(name);
  if (known.size >= KNOWN_MAX) known.clear();
  known.set(name, zone);
  return zone;
}

function askRuntime(name: string): string | null {
  // Intl also accepts bare offsets such as '+01:00'; they are not zones and have no DST rules.
  if (name.length === 0 || name.length > 64 || /^[+-]/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * `name` as the tz database spells it when the runtime knows the zone ('europe/berlin' gives
 * 'Europe/Berlin'), or null for anything else (offsets, '', over 64 characters). Only the case
 * changes: an alias stays that alias ('asia/kolkata' gives 'Asia/Kolkata', 'Asia/Calcutta' stays
 * 'Asia/Calcutta'), never becoming the runtime's canonical name. A name outside the tz database
 * that the runtime still takes (its own 'IST', names IANA dropped such as 'US/Pacific-New') gives
 * the runtime's name for that zone, so a stored name is always a tz database name. Never throws.
 */
export function normalizeTimezone(name: string): string | null {
  const zone = runtimeZone(name);
  if (zone === null) return null;
  return spellingIndex().get(name.toLowerCase()) ?? zone;
}

/**
 * Whether two names mean the same zone to the runtime ('Asia/Kolkata' and 'asia/calcutta' do).
 * False when either is not a zone. Never throws.
 */
export function sameTimezone(a: string, b: string): boolean {
  const zone = runtimeZone(a);
  return zone !== null && zone === runtimeZone(b);
}
