// IANA time zone validation, shared by every edge that accepts a zone name.

/**
 * Returns the canonical spelling of an IANA zone the runtime knows ('europe/berlin' gives
 * 'Europe/Berlin'), or null for anything else. Never throws.
 */
export function normalizeTimezone(name: string): string | null {
  // Intl also accepts bare offsets such as '+01:00'; they are not zones and have no DST rules.
  if (name.length === 0 || name.length > 64 || /^[+-]/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}
