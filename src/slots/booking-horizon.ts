// The instants a slot may start at given now: not before minimum notice, not past max advance.

import type { SlotPlan } from './slot-plan.ts';
import { DAY_MS, MAX_OFFSET_MS, MIN_OFFSET_MS } from './time-units.ts';

/** Bookable slot starts are the instants in [earliest, latest] (both inclusive). */
export type BookingHorizon = { readonly earliest: number; readonly latest: number };

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
  return { earliest: now + plan.minNoticeMs, latest: now + plan.maxAdvanceMs };
}

/**
 * Why a start is outside the horizon, or null when inside. TOO_SOON is checked first.
 */
export function horizonRejection(
  horizon: BookingHorizon,
  start: number,
): 'TOO_SOON' | 'TOO_FAR_AHEAD' | null {
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
