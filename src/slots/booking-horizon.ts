// The instants a slot may start at given now: not before minimum notice, not past max advance.

import { compileRules, type SlotPlan } from './slot-plan.ts';
import type { SlotRules } from './slot-types.ts';
import { DAY_MS, MAX_OFFSET_MS, MIN_OFFSET_MS } from './time-units.ts';

/** Bookable slot starts are the instants in [earliest, latest] (both inclusive); now <= earliest. */
export type BookingHorizon = {
  readonly now: number;
  readonly earliest: number;
  readonly latest: number;
};

/** Local dates (epoch days) that may contain a bookable start; outside them none can. */
export type HorizonDays = { readonly first: number; readonly last: number };

/**
 * The horizon at `now`: earliest = now + minNotice, latest = now + maxAdvanceDays * 24h.
 *
 * Invariant: earliest >= now (notice is never negative), so no past slot is ever bookable.
 * @throws RangeError when now is not a finite number.
 */
export function bookingHorizon(plan: SlotPlan, now: number): BookingHorizon {
  if (!Number.isFinite(now)) throw new RangeError(`now must be finite epoch ms, got ${now}`);
  return { now, earliest: now + plan.minNoticeMs, latest: now + plan.maxAdvanceMs };
}

/** Why a start lies outside the horizon. */
export type HorizonRejection = 'IN_THE_PAST' | 'TOO_SOON' | 'TOO_FAR_AHEAD';

/** bookingHorizon for uncompiled rules. @throws RangeError as compileRules and bookingHorizon. */
export function rulesHorizon(rules: SlotRules, now: number): BookingHorizon {
  return bookingHorizon(compileRules(rules), now);
}

/**
 * Why a start is outside the horizon, or null when inside: IN_THE_PAST (start < now), else
 * TOO_SOON (start < now + minNotice), else TOO_FAR_AHEAD (start > now + maxAdvance).
 */
export function horizonRejection(horizon: BookingHorizon, start: number): HorizonRejection | null {
  if (start < horizon.now) return 'IN_THE_PAST';
  if (start < horizon.earliest) return 'TOO_SOON';
  if (start > horizon.latest) return 'TOO_FAR_AHEAD';
  return null;
}

/**
 * The range of local dates, in any zone, on which a bookable start can fall. Used only to skip
 * days early; it never excludes a day with a bookable start (offsets lie within -12h..+14h).
 */
export function horizonDays(horizon: BookingHorizon): HorizonDays {
  return {
    first: Math.floor((horizon.earliest + MIN_OFFSET_MS) / DAY_MS),
    last: Math.floor((horizon.latest + MAX_OFFSET_MS) / DAY_MS),
  };
}
