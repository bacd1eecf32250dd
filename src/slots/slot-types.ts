// Inputs and outputs of the pure slot engine: plain data, epoch milliseconds, no I/O.

/** Local wall-clock time in the provider's timezone, 'HH:MM' (00:00-23:59; end may be '24:00'). */
export type LocalTime = string;
/** Local calendar date in the provider's timezone, 'YYYY-MM-DD'. */
export type LocalDate = string;

/** A recurring weekly window; dayOfWeek 0 = Monday ... 6 = Sunday. */
export type WeeklyWindow = {
  readonly dayOfWeek: number;
  readonly startTime: LocalTime;
  readonly endTime: LocalTime;
};

/**
 * A one-day exception. Blocked with times removes that range; blocked without times removes the
 * whole day; not blocked adds availability (union with the weekly windows).
 */
export type AvailabilityOverride = {
  readonly date: LocalDate;
  readonly startTime: LocalTime | null;
  readonly endTime: LocalTime | null;
  readonly isBlocked: boolean;
};

/** Half-open instant range [start, end) in epoch milliseconds. */
export type Interval = { readonly start: number; readonly end: number };

export type SlotRules = {
  /** IANA zone name, already validated. */
  readonly timezone: string;
  readonly weekly: readonly WeeklyWindow[];
  readonly overrides: readonly AvailabilityOverride[];
  readonly durationMinutes: number;
  readonly bufferMinutes: number;
  /** null means durationMinutes + bufferMinutes. */
  readonly slotIntervalMinutes: number | null;
  readonly minNoticeMinutes: number;
  readonly maxAdvanceDays: number;
};

export type BusyTimes = {
  /** Blocked ranges of PENDING/CONFIRMED appointments: [start, end + their buffer). */
  readonly appointments: readonly Interval[];
};

export type SlotQuery = {
  readonly rules: SlotRules;
  readonly busy: BusyTimes;
  /** First local date (provider's timezone) of the range. */
  readonly from: LocalDate;
  /** Number of local days, 1 or more. */
  readonly days: number;
  /** The current instant, epoch ms. */
  readonly now: number;
};

/** An offered slot: [start, start + duration). */
export type Slot = Interval;

/**
 * Why checkSlot refuses a start: IN_THE_PAST, TOO_SOON and TOO_FAR_AHEAD are the horizon;
 * OFF_GRID lies inside an open window but is not one of its fitting grid starts.
 */
export type SlotRejection =
  | 'IN_THE_PAST'
  | 'TOO_SOON'
  | 'TOO_FAR_AHEAD'
  | 'OFF_GRID'
  | 'OUTSIDE_AVAILABILITY'
  | 'BLOCKED'
  | 'TAKEN';

export type SlotCheck =
  | { readonly ok: true; readonly slot: Slot }
  | { readonly ok: false; readonly reason: SlotRejection };
