// Validates SlotRules once and indexes them for fast per-day look-ups.

import { parseLocalDate } from './local-date.ts';
import { type MinuteRange, mergeMinuteRanges } from './minute-ranges.ts';
import { parseLocalTime } from './parse-local-time.ts';
import type { AvailabilityOverride, SlotRules } from './slot-types.ts';
import { DAY_MS, MINUTE_MS, MINUTES_PER_DAY } from './time-units.ts';
import { resolveTimeZone, type TimeZone } from './time-zone.ts';

/** The overrides of one local date, in local minutes. A whole-day block is the range 0-1440. */
type DayOverrides = {
  readonly extra: readonly MinuteRange[];
  readonly blocked: readonly MinuteRange[];
};

/** Validated, indexed rules: the form every engine building block works on. */
export type SlotPlan = {
  readonly zone: TimeZone;
  /** Merged weekly windows per weekday, index 0 = Monday ... 6 = Sunday. */
  readonly weeklyByWeekday: readonly (readonly MinuteRange[])[];
  /** Overrides keyed by epoch day number of their local date. */
  readonly overridesByDay: ReadonlyMap<number, DayOverrides>;
  readonly durationMs: number;
  readonly bufferMs: number;
  /** Grid step in local wall-clock minutes. */
  readonly stepMinutes: number;
  readonly minNoticeMs: number;
  readonly maxAdvanceMs: number;
};

/**
 * Validates and indexes rules. Pure; cost O(weekly + overrides).
 *
 * @throws RangeError on an unknown timezone; a duration or slot interval that is not a positive
 * integer; a buffer that is not a non-negative integer; a negative or non-finite minNotice or
 * maxAdvanceDays; a weekday outside 0-6; a malformed time or date; a window or timed block whose
 * end is not after its start; an override with only one of its times; an extra-availability
 * (not blocked) override without times.
 */
export function compileRules(rules: SlotRules): SlotPlan {
  requireInteger('durationMinutes', rules.durationMinutes, 1);
  requireInteger('bufferMinutes', rules.bufferMinutes, 0);
  const stepMinutes = rules.slotIntervalMinutes ?? rules.durationMinutes + rules.bufferMinutes;
  requireInteger('slotIntervalMinutes', stepMinutes, 1);
  requireNonNegative('minNoticeMinutes', rules.minNoticeMinutes);
  requireNonNegative('maxAdvanceDays', rules.maxAdvanceDays);
  return {
    zone: resolveTimeZone(rules.timezone),
    weeklyByWeekday: indexWeekly(rules),
    overridesByDay: indexOverrides(rules.overrides),
    durationMs: rules.durationMinutes * MINUTE_MS,
    bufferMs: rules.bufferMinutes * MINUTE_MS,
    stepMinutes,
    minNoticeMs: rules.minNoticeMinutes * MINUTE_MS,
    maxAdvanceMs: rules.maxAdvanceDays * DAY_MS,
  };
}

function requireInteger(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`${name} must be an integer >= ${min}, got ${value}`);
  }
}

function requireNonNegative(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${name} must be a finite number >= 0, got ${value}`);
  }
}

/** Parses a start/end pair into a non-empty minute range. */
function parseRange(startTime: string, endTime: string): MinuteRange {
  const range = { start: parseLocalTime(startTime), end: parseLocalTime(endTime) };
  if (range.end <= range.start) {
    throw new RangeError(`Window ${startTime}-${endTime} must end after it starts`);
  }
  return range;
}

function indexWeekly(rules: SlotRules): MinuteRange[][] {
  const byWeekday: MinuteRange[][] = [[], [], [], [], [], [], []];
  for (const window of rules.weekly) {
    const day = byWeekday[window.dayOfWeek];
    if (!Number.isInteger(window.dayOfWeek) || day === undefined) {
      throw new RangeError(`dayOfWeek must be 0 (Monday) to 6 (Sunday), got ${window.dayOfWeek}`);
    }
    day.push(parseRange(window.startTime, window.endTime));
  }
  return byWeekday.map(mergeMinuteRanges);
}

function indexOverrides(overrides: readonly AvailabilityOverride[]): Map<number, DayOverrides> {
  const byDay = new Map<number, { extra: MinuteRange[]; blocked: MinuteRange[] }>();
  for (const override of overrides) {
    const epochDay = parseLocalDate(override.date);
    const day = byDay.get(epochDay) ?? { extra: [], blocked: [] };
    byDay.set(epochDay, day);
    const range = overrideRange(override);
    if (override.isBlocked) {
      day.blocked.push(range);
    } else {
      day.extra.push(range);
    }
  }
  return byDay;
}

/** The minutes an override covers; a blocked override without times covers the whole day. */
function overrideRange(override: AvailabilityOverride): MinuteRange {
  const { startTime, endTime, date } = override;
  if (startTime !== null && endTime !== null) return parseRange(startTime, endTime);
  if (startTime !== null || endTime !== null) {
    throw new RangeError(`Override on ${date} must have both times or neither`);
  }
  if (!override.isBlocked) {
    throw new RangeError(`Extra availability on ${date} needs a start and an end time`);
  }
  return { start: 0, end: MINUTES_PER_DAY };
}
