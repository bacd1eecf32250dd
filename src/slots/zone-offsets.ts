// Remembers a zone's UTC offsets one UTC day at a time, so formatting thousands of instants costs a
// few Intl calls per day instead of one per instant.
import type { Zone } from 'luxon';

const SECOND_MS = 1000;
const DAY_MS = 86_400_000;

/** Instants [from, to) during which the zone's offset is `minutes` (luxon's Zone.offset). */
type Run = { readonly from: number; readonly to: number; readonly minutes: number };

/**
 * Runs already found, per zone and UTC day. A zone's offsets are fixed for the life of the process
 * (the runtime's tzdata does not change under it), so sharing them between requests changes no
 * answer and saves two Intl calls per day per request. Bounded: cleared when full.
 */
const runMemo = new WeakMap<Zone, Map<number, Run[]>>();
const MEMO_LIMIT = 20_000;

export type ZoneOffsets = {
  /** luxon's `zone.offset(ms)` (minutes, possibly fractional for local mean time), memoised. */
  readonly minutesAt: (ms: number) => number;
};

/**
 * Memoises `zone.offset` for one zone. Returns exactly what luxon's `zone.offset(ms)` returns for
 * every finite instant, on the assumption (true of tzdata as shipped) that within one UTC day a zone
 * never changes its offset and changes it back to the same value; transitions are found to the
 * second, which is luxon's own resolution (it truncates the instant to the second). Cost: two
 * offset look-ups per UTC day the first time any caller touches it in the process, plus ~17 per
 * transition; a map look-up after that. Holds no I/O.
 */
export function trackZoneOffsets(zone: Zone): ZoneOffsets {
  let days = runMemo.get(zone);
  if (days === undefined) {
    days = new Map();
    runMemo.set(zone, days);
  }
  const memo = days;
  let last: Run = { from: 0, to: 0, minutes: 0 };
  const minutesAt = (ms: number): number => {
    if (ms >= last.from && ms < last.to) return last.minutes;
    const day = Math.floor(ms / DAY_MS);
    let runs = memo.get(day);
    if (runs === undefined) {
      runs = runsOfDay(zone, day * DAY_MS);
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(day, runs);
    }
    last = runs.find((run) => ms < run.to) ?? last;
    return last.minutes;
  };
  return { minutesAt };
}

/** The constant-offset runs covering [dayStart, dayStart + 1 day), in time order. */
function runsOfDay(zone: Zone, dayStart: number): Run[] {
  const dayEnd = dayStart + DAY_MS;
  const lastSecond = dayEnd - SECOND_MS;
  const endMinutes = zone.offset(lastSecond);
  const runs: Run[] = [];
  let from = dayStart;
  let minutes = zone.offset(dayStart);
  while (!Object.is(minutes, endMinutes)) {
    const change = firstChange(zone, from, minutes, lastSecond);
    runs.push({ from, to: change, minutes });
    from = change;
    minutes = zone.offset(change);
  }
  runs.push({ from, to: dayEnd, minutes });
  return runs;
}

/**
 * A whole second in (low, high] where the offset stops being lowMinutes, given that it is
 * lowMinutes at `low` and something else at `high` (bisection keeps both facts true).
 */
function firstChange(zone: Zone, low: number, lowMinutes: number, high: number): number {
  let lo = low;
  let hi = high;
  while (hi - lo > SECOND_MS) {
    const mid = lo + Math.floor((hi - lo) / (2 * SECOND_MS)) * SECOND_MS;
    if (Object.is(zone.offset(mid), lowMinutes)) lo = mid;
    else hi = mid;
  }
  return hi;
}
