// Converts local wall-clock minutes of one local day to instants, with DST gaps and overlaps.

import { type OffsetSegment, offsetSegments } from './offset-segments.ts';
import { DAY_MS, MAX_OFFSET_MS, MIN_OFFSET_MS, MINUTE_MS } from './time-units.ts';
import type { TimeZone } from './time-zone.ts';

/** Everything needed to turn minutes of one local day into instants without further look-ups. */
export type DayClock = {
  /** The local midnight starting the day, written as if it were UTC (epoch day * 24h). */
  readonly wallMidnight: number;
  /** Constant-offset segments covering every instant of the local day (and a margin). */
  readonly segments: readonly OffsetSegment[];
};

/**
 * Builds the clock of one local day: two offset look-ups on a normal day, a few more (bisection)
 * only near an offset transition.
 *
 * Invariant: the segments cover all instants whose local date is the day, including the
 * next local midnight (so '24:00' converts too). Assumes no two transitions cancel out within
 * ~50 hours, which holds for every zone in the IANA database.
 */
export function buildDayClock(zone: TimeZone, epochDay: number): DayClock {
  const wallMidnight = epochDay * DAY_MS;
  // Local time of (wall - max offset) is <= the day's midnight; that of (wall + 24h - min
  // offset) is >= the next midnight, whatever the zone's offsets are.
  const from = wallMidnight - MAX_OFFSET_MS;
  const to = wallMidnight + DAY_MS - MIN_OFFSET_MS;
  return { wallMidnight, segments: offsetSegments(zone, from, to) };
}

/**
 * The instant at which the day's wall clock first shows `minute` (minutes since local midnight).
 *
 * Invariants: an ambiguous time (fall-back overlap) gives its first, pre-transition occurrence;
 * a time inside a spring-forward gap does not exist and gives null. Strictly increasing in
 * `minute` over the times that exist.
 */
export function instantOfLocalMinute(clock: DayClock, minute: number): number | null {
  const wall = clock.wallMidnight + minute * MINUTE_MS;
  const { segments } = clock;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (segment === undefined) break;
    const instant = wall - segment.offsetMs;
    if (instant >= segment.from && instant < segment.to) return instant;
  }
  return null;
}

/**
 * The instant of a window boundary at `minute`: like instantOfLocalMinute, but a nonexistent
 * time (spring-forward gap) gives the instant the gap ends, i.e. the transition instant.
 *
 * Invariant: never null; non-decreasing in `minute`.
 */
export function boundaryInstant(clock: DayClock, minute: number): number {
  const existing = instantOfLocalMinute(clock, minute);
  if (existing !== null) return existing;
  const wall = clock.wallMidnight + minute * MINUTE_MS;
  for (const segment of clock.segments) {
    if (wall - segment.offsetMs < segment.from) return segment.from;
  }
  // Unreachable: the last segment extends to +Infinity, so a gap always precedes some segment.
  throw new Error(`No instant for local minute ${minute}`);
}
