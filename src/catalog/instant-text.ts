// ISO 8601 instants as every edge accepts them: strict fields, an offset, within the supported years.
import { FIRST_YEAR, isRealDay, LAST_YEAR } from './calendar-date.ts';

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** The earliest supported instant, 1000-01-01T00:00:00Z. */
const EARLIEST = Date.UTC(FIRST_YEAR, 0, 1);
/** Just after the latest supported instant, the start of the year after LAST_YEAR. */
const AFTER_LATEST = Date.UTC(LAST_YEAR + 1, 0, 1);

/**
 * The instant `text` names, or null. Accepts 'YYYY-MM-DDTHH:MM:SS', an optional fraction of up
 * to nine digits (kept to the millisecond) and 'Z' or a ±HH:MM offset; every field must exist
 * (no 2026-02-30, no 24:00, no leap second) and the instant must fall within the supported years
 * (see FIRST_YEAR and LAST_YEAR), measured in UTC. Unlike Date.parse it never rolls a day over.
 * Never throws.
 * @internal Exported for tests too.
 */
export function parseInstant(text: string): Date | null {
  const m = INSTANT.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isRealDay(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const offsetHours = Number(m[9] ?? 0);
  const offsetMinutes = Number(m[10] ?? 0);
  if (offsetHours > 23 || offsetMinutes > 59) return null;
  const millis = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
  const local = new Date(0);
  // setUTCFullYear takes the year as written; Date.UTC would map years 0-99 onto 1900-1999.
  local.setUTCFullYear(year, month - 1, day);
  local.setUTCHours(hour, minute, second, millis);
  const sign = m[8] === '-' ? -1 : 1;
  const utc = local.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  return utc >= EARLIEST && utc < AFTER_LATEST ? new Date(utc) : null;
}

/** True when parseInstant accepts `text`. */
export function isInstantText(text: string): boolean {
  return parseInstant(text) !== null;
}
