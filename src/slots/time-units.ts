// Millisecond constants and the bounds of real-world UTC offsets used by the slot engine.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const MINUTES_PER_DAY = 24 * 60;

/** Largest UTC offset any IANA zone uses (+14:00, Pacific/Kiritimati). */
export const MAX_OFFSET_MS = 14 * HOUR_MS;
/** Smallest UTC offset any IANA zone uses (-12:00, Etc/GMT+12). */
export const MIN_OFFSET_MS = -12 * HOUR_MS;
