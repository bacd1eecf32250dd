// Shared builders and formatters for the slot engine tests.

import { DateTime } from 'luxon';
import type {
  AvailabilityOverride,
  BusyTimes,
  Interval,
  SlotRules,
  WeeklyWindow,
} from '../../src/slots/slot-types.ts';

export const NO_BUSY: BusyTimes = { appointments: [] };

/** A far-past `now` with a horizon long enough not to matter, for grid-only cases. */
export const EARLY_NOW = Date.UTC(2025, 0, 1);

/** The same window on every weekday. */
export function everyDay(startTime: string, endTime: string): WeeklyWindow[] {
  return [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({ dayOfWeek, startTime, endTime }));
}

/** Rules with hourly 60-minute slots and no notice/advance limits worth mentioning. */
export function makeRules(overrides: Partial<SlotRules> = {}): SlotRules {
  return {
    timezone: 'UTC',
    weekly: everyDay('09:00', '17:00'),
    overrides: [],
    durationMinutes: 60,
    bufferMinutes: 0,
    slotIntervalMinutes: null,
    minNoticeMinutes: 0,
    maxAdvanceDays: 3650,
    ...overrides,
  };
}

/** An override row. */
export function override(
  date: string,
  times: readonly [string, string] | null,
  isBlocked: boolean,
): AvailabilityOverride {
  return { date, startTime: times?.[0] ?? null, endTime: times?.[1] ?? null, isBlocked };
}

/** Epoch ms of an ISO local time with explicit offset, e.g. '2026-03-29T09:00+02:00'. */
export function at(iso: string): number {
  const parsed = DateTime.fromISO(iso, { setZone: true });
  if (!parsed.isValid) throw new Error(`bad ISO ${iso}`);
  return parsed.toMillis();
}

/** Interval between two ISO instants with offsets. */
export function range(startIso: string, endIso: string): Interval {
  return { start: at(startIso), end: at(endIso) };
}

/** An instant as local time with offset in `zone`, e.g. '2026-03-29T09:00+02:00'. */
export function localIso(instant: number, zone: string): string {
  const text = DateTime.fromMillis(instant, { zone }).toISO({
    suppressSeconds: true,
    suppressMilliseconds: true,
  });
  return (text ?? 'invalid').replace(/Z$/, '+00:00');
}

/** Slot starts formatted in `zone`. */
export function startsIn(slots: readonly Interval[], zone: string): string[] {
  return slots.map((slot) => localIso(slot.start, zone));
}
