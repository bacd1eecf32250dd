// Benchmarks computeSlots against the classic nested-scan design on a busy two-month calendar.

import { DateTime } from 'luxon';
import { computeSlots } from '../src/slots/compute-slots.ts';
import type {
  AvailabilityOverride,
  Interval,
  Slot,
  SlotQuery,
  SlotRules,
  WeeklyWindow,
} from '../src/slots/slot-types.ts';

/** Medians in milliseconds, ratios as plain numbers. */
export type SlotBenchResult = {
  readonly slotCount: { readonly base: number; readonly x10: number };
  readonly engineMs: { readonly base: number; readonly x10: number };
  readonly nestedMs: { readonly base: number; readonly x10: number };
  /** engine median / nested median on the same input (< 1 means the engine is faster). */
  readonly engineOverNested: { readonly base: number; readonly x10: number };
  /** x10 median / base median of each implementation. */
  readonly growthX10: { readonly engine: number; readonly nested: number };
  /** x10 median - base median of each implementation, ms. */
  readonly addedMsX10: { readonly engine: number; readonly nested: number };
  /** engine <= nested on base, and engine x10 <= 1.5 x engine base. */
  readonly targetsMet: boolean;
};

const ZONE = 'Europe/Berlin';
const FROM = '2026-03-02'; // a Monday; the range crosses the 2026-03-29 DST change
const DAYS = 60;
const MINUTE = 60_000;

/** Deterministic PRNG (mulberry32) so every run benchmarks the same calendar. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function benchRules(): SlotRules {
  const weekly: WeeklyWindow[] = [0, 1, 2, 3, 4, 5].flatMap((dayOfWeek) => [
    { dayOfWeek, startTime: '08:00', endTime: '12:00' },
    { dayOfWeek, startTime: '13:00', endTime: '18:00' },
  ]);
  // Blocked ranges start and end on the 40-minute grid, so the classic design (reject slots
  // overlapping a blocked range) and the engine (cut the window, re-grid) agree.
  const overrides: AvailabilityOverride[] = [
    { date: '2026-03-10', startTime: '09:20', endTime: '10:40', isBlocked: true },
    { date: '2026-03-18', startTime: '14:20', endTime: '16:20', isBlocked: true },
    { date: '2026-04-07', startTime: '08:00', endTime: '09:20', isBlocked: true },
    { date: '2026-03-25', startTime: null, endTime: null, isBlocked: true },
    { date: '2026-04-15', startTime: null, endTime: null, isBlocked: true },
    { date: '2026-03-15', startTime: '10:00', endTime: '14:00', isBlocked: false },
    { date: '2026-04-19', startTime: '09:00', endTime: '12:00', isBlocked: false },
  ];
  return {
    timezone: ZONE,
    weekly,
    overrides,
    durationMinutes: 30,
    bufferMinutes: 10,
    slotIntervalMinutes: null,
    minNoticeMinutes: 120,
    maxAdvanceDays: 90,
  };
}

/** `count` random intervals inside 07:00-19:00 local of random days of the range. */
function randomIntervals(
  random: () => number,
  count: number,
  minMinutes: number,
  maxMinutes: number,
): Interval[] {
  const first = DateTime.fromISO(FROM, { zone: ZONE });
  const intervals: Interval[] = [];
  for (let i = 0; i < count; i++) {
    const day = first.plus({ days: Math.floor(random() * DAYS) });
    const startMinute = 7 * 60 + Math.floor(random() * 144) * 5;
    const length = minMinutes + Math.floor(random() * (maxMinutes - minMinutes + 1));
    const start = day.plus({ minutes: startMinute }).toMillis();
    intervals.push({ start, end: start + length * MINUTE });
  }
  return intervals;
}

/** The benchmark query: 300 appointments of 40 minutes and 100 of 15-180, times `scale`. */
export function buildBenchQuery(scale: number): SlotQuery {
  const random = prng(42 * scale);
  return {
    rules: benchRules(),
    busy: {
      appointments: [
        ...randomIntervals(random, 300 * scale, 40, 40),
        ...randomIntervals(random, 100 * scale, 15, 180),
      ],
    },
    from: FROM,
    days: DAYS,
    now: DateTime.fromISO('2026-03-01T12:00', { zone: ZONE }).toMillis(),
  };
}

function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}

/** Luxon instant of a local 'HH:MM' on the day `day` (a local midnight). */
function atTime(day: DateTime, time: string): DateTime {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return day.plus({ hours: hour, minutes: minute });
}

/**
 * The classic design, as pseudocode: for each day, for each window, step slots with luxon, and
 * test each slot against every blocked range and every appointment.
 */
export function nestedScanSlots(query: SlotQuery): Slot[] {
  const { rules, busy, now } = query;
  const durationMs = rules.durationMinutes * MINUTE;
  const reservedMs = (rules.durationMinutes + rules.bufferMinutes) * MINUTE;
  const step = rules.slotIntervalMinutes ?? rules.durationMinutes + rules.bufferMinutes;
  const earliest = now + rules.minNoticeMinutes * MINUTE;
  const latest = now + rules.maxAdvanceDays * 24 * 60 * MINUTE;
  const slots: Slot[] = [];
  let day = DateTime.fromISO(query.from, { zone: rules.timezone });
  for (let i = 0; i < query.days; i++, day = day.plus({ days: 1 })) {
    const date = day.toISODate();
    const todays = rules.overrides.filter((override) => override.date === date);
    if (todays.some((override) => override.isBlocked && override.startTime === null)) continue;
    const blocked = todays
      .filter((override) => override.isBlocked)
      .map((range) => ({
        start: atTime(day, range.startTime ?? '00:00').toMillis(),
        end: atTime(day, range.endTime ?? '00:00').toMillis(),
      }));
    const windows = [
      ...rules.weekly.filter((window) => window.dayOfWeek === day.weekday - 1),
      ...todays.filter((override) => !override.isBlocked),
    ];
    for (const window of windows) {
      const end = atTime(day, window.endTime ?? '00:00');
      let slot = atTime(day, window.startTime ?? '00:00');
      for (
        ;
        slot.plus({ minutes: rules.durationMinutes }) <= end;
        slot = slot.plus({ minutes: step })
      ) {
        const start = slot.toMillis();
        if (start < earliest || start > latest) continue;
        let free = true;
        for (const range of blocked) {
          if (overlaps(start, start + durationMs, range.start, range.end)) free = false;
        }
        for (const appointment of busy.appointments) {
          if (overlaps(start, start + reservedMs, appointment.start, appointment.end)) free = false;
        }
        if (free) slots.push({ start, end: start + durationMs });
      }
    }
  }
  return slots.sort((a, b) => a.start - b.start);
}

/** Median wall time in ms of `run`, after warm-up, over at least minRuns runs and ~budgetMs. */
function medianMs(run: () => Slot[], minRuns: number, budgetMs: number): number {
  let sink = 0;
  const warmUpUntil = performance.now() + budgetMs / 4;
  for (let i = 0; i < 5 || performance.now() < warmUpUntil; i++) sink += run().length;
  const samples: number[] = [];
  const until = performance.now() + budgetMs;
  while (samples.length < minRuns || (performance.now() < until && samples.length < 2000)) {
    const started = performance.now();
    sink += run().length;
    samples.push(performance.now() - started);
  }
  if (sink < 0) throw new Error('unreachable');
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

/** Throws unless both implementations return exactly the same slots. */
function assertSameSlots(label: string, engine: readonly Slot[], nested: readonly Slot[]): void {
  const same =
    engine.length === nested.length &&
    engine.every((slot, i) => slot.start === nested[i]?.start && slot.end === nested[i]?.end);
  if (!same) {
    throw new Error(
      `${label}: engine (${engine.length}) and nested scan (${nested.length}) differ`,
    );
  }
}

/** Runs the benchmark; throws if the engine and the nested scan disagree. */
export async function runSlotBench(): Promise<SlotBenchResult> {
  const base = buildBenchQuery(1);
  const x10 = buildBenchQuery(10);
  const engineBase = computeSlots(base);
  const engineX10 = computeSlots(x10);
  assertSameSlots('base', engineBase, nestedScanSlots(base));
  assertSameSlots('x10', engineX10, nestedScanSlots(x10));
  const engineMs = {
    base: medianMs(() => computeSlots(base), 200, 1500),
    x10: medianMs(() => computeSlots(x10), 200, 1500),
  };
  const nestedMs = {
    base: medianMs(() => nestedScanSlots(base), 15, 1500),
    x10: medianMs(() => nestedScanSlots(x10), 15, 1500),
  };
  const growthX10 = { engine: engineMs.x10 / engineMs.base, nested: nestedMs.x10 / nestedMs.base };
  return {
    slotCount: { base: engineBase.length, x10: engineX10.length },
    engineMs,
    nestedMs,
    engineOverNested: { base: engineMs.base / nestedMs.base, x10: engineMs.x10 / nestedMs.x10 },
    growthX10,
    addedMsX10: { engine: engineMs.x10 - engineMs.base, nested: nestedMs.x10 - nestedMs.base },
    targetsMet: engineMs.base <= nestedMs.base && growthX10.engine <= 1.5,
  };
}

if (import.meta.main) {
  const result = await runSlotBench();
  console.log(JSON.stringify(result, null, 2));
  if (!result.targetsMet) process.exitCode = 1;
}
