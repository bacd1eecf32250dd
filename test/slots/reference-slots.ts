// A deliberately naive slot model for property tests: minute-by-minute windows, brute-force zones.

import { IANAZone } from 'luxon';
import type { AvailabilityOverride, Slot, SlotQuery } from '../../src/slots/slot-types.ts';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

const toMinute = (time: string): number => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

/** Offset in ms at an instant. */
function offsetAt(zone: IANAZone, instant: number): number {
  return Math.round(zone.offset(instant) * MINUTE);
}

/** First instant whose wall clock shows `wall`, or null when `wall` does not exist. */
function firstInstant(zone: IANAZone, wall: number): number | null {
  const candidates = [
    offsetAt(zone, wall - 14 * 60 * MINUTE),
    offsetAt(zone, wall + 12 * 60 * MINUTE),
  ]
    .map((offset) => wall - offset)
    .filter((instant) => instant + offsetAt(zone, instant) === wall);
  return candidates.length === 0 ? null : Math.min(...candidates);
}

/** Boundary: the first instant whose wall clock reads `wall` or later (bisection on seconds). */
function boundary(zone: IANAZone, wall: number): number {
  const existing = firstInstant(zone, wall);
  if (existing !== null) return existing;
  let lo = wall - 14 * 60 * MINUTE;
  let hi = wall + 12 * 60 * MINUTE;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (mid + offsetAt(zone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Open minutes of one day as a 1440-entry mask. */
function openMask(query: SlotQuery, date: string, weekday: number): boolean[] {
  const mask: boolean[] = new Array(1440).fill(false);
  const paint = (from: number, to: number, value: boolean) => {
    for (let m = from; m < to; m++) mask[m] = value;
  };
  const todays = query.rules.overrides.filter((o) => o.date === date);
  for (const w of query.rules.weekly) {
    if (w.dayOfWeek === weekday) paint(toMinute(w.startTime), toMinute(w.endTime), true);
  }
  for (const o of todays.filter((o) => !o.isBlocked)) paint(...minutes(o), true);
  for (const o of todays.filter((o) => o.isBlocked)) paint(...minutes(o), false);
  return mask;
}

function minutes(o: AvailabilityOverride): [number, number] {
  return o.startTime === null || o.endTime === null
    ? [0, 1440]
    : [toMinute(o.startTime), toMinute(o.endTime)];
}

/** Maximal runs [start, end) of true minutes. */
function runs(mask: readonly boolean[]): [number, number][] {
  const out: [number, number][] = [];
  for (let m = 0; m < 1440; m++) {
    if (mask[m] && !mask[m - 1]) out.push([m, m + 1]);
    const last = out.at(-1);
    if (mask[m] && last) last[1] = m + 1;
  }
  return out;
}

/** The slots the rules describe, computed the slow and obvious way. */
export function referenceSlots(query: SlotQuery): Slot[] {
  const { rules, busy, now } = query;
  const zone = IANAZone.create(rules.timezone);
  const step = rules.slotIntervalMinutes ?? rules.durationMinutes + rules.bufferMinutes;
  const duration = rules.durationMinutes * MINUTE;
  const reserved = duration + rules.bufferMinutes * MINUTE;
  const firstDay = Date.parse(`${query.from}T00:00Z`) / DAY;
  const slots: Slot[] = [];
  for (let day = firstDay; day < firstDay + query.days; day++) {
    const date = new Date(day * DAY).toISOString().slice(0, 10);
    const weekday = (new Date(day * DAY).getUTCDay() + 6) % 7;
    for (const [from, to] of runs(openMask(query, date, weekday))) {
      const end = boundary(zone, day * DAY + to * MINUTE);
      for (let m = from; m < to; m += step) {
        const start = firstInstant(zone, day * DAY + m * MINUTE);
        if (start === null || start + duration > end) continue;
        if (start < now + rules.minNoticeMinutes * MINUTE) continue;
        if (start > now + rules.maxAdvanceDays * DAY) continue;
        const clash = busy.appointments.some(
          (b) => Math.max(b.start, start) < Math.min(b.end, start + reserved),
        );
        if (!clash) slots.push({ start, end: start + duration });
      }
    }
  }
  return slots.sort((a, b) => a.start - b.start);
}
