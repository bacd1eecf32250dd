// Expected outcomes of core use cases are values, not exceptions; every adapter maps each code.
import type { AppointmentStatus } from './appointment.ts';

export type Ok<T> = { readonly ok: true; readonly value: T };

/**
 * Why a start is not bookable: IN_THE_PAST (before now), TOO_SOON (within min notice),
 * TOO_FAR_AHEAD (past max advance), OFF_GRID (inside working hours, not a slot start),
 * BLOCKED (an override removed it), OUTSIDE_AVAILABILITY (outside working hours).
 */
type UnavailableReason =
  | 'IN_THE_PAST'
  | 'TOO_SOON'
  | 'TOO_FAR_AHEAD'
  | 'OFF_GRID'
  | 'OUTSIDE_AVAILABILITY'
  | 'BLOCKED';
export type Entity = 'provider' | 'service' | 'client' | 'appointment' | 'override' | 'series';

export type NotFound = { readonly ok: false; readonly code: 'NOT_FOUND'; readonly entity: Entity };
export type InvalidInput = {
  readonly ok: false;
  readonly code: 'VALIDATION_ERROR';
  readonly message: string;
  readonly details?: Record<string, unknown>;
};
/** The bookable starts nearest to a refused one on its local day (provider's zone). */
export type NearestTimes = { readonly before: Date | null; readonly after: Date | null };
/** A service's booking limits at the moment of a refusal: starts in [earliest, latest] only. */
export type BookingLimits = {
  readonly minNoticeMinutes: number;
  readonly maxAdvanceDays: number;
  readonly earliest: Date;
  readonly latest: Date;
};
/** `nearest` is present when the slot rules refused the start (absent after a lost race). */
export type SlotTaken = {
  readonly ok: false;
  readonly code: 'SLOT_TAKEN';
  readonly nearest?: NearestTimes;
};
/** `nearest` and `limits` are present when the slot rules of a loaded context refused it. */
export type SlotUnavailable = {
  readonly ok: false;
  readonly code: 'SLOT_UNAVAILABLE';
  readonly reason: UnavailableReason;
  readonly nearest?: NearestTimes;
  readonly limits?: BookingLimits;
};
export type NoShowLockout = {
  readonly ok: false;
  readonly code: 'NO_SHOW_LOCKOUT';
  readonly until: Date;
};
/** Which booking limit refused a start (see Service and Provider). */
export type LimitKind = 'SERVICE_PER_DAY' | 'SERVICE_PER_WEEK' | 'CLIENT_ACTIVE';
/**
 * The start is free but a limit is already full: the service's bookings on the start's local day
 * or ISO week (provider's zone), or the client's active future bookings with the provider.
 */
export type LimitReached = {
  readonly ok: false;
  readonly code: 'LIMIT_REACHED';
  readonly limit: LimitKind;
  readonly max: number;
  /**
   * 'YYYY-MM-DD' in the provider's zone: the full day (SERVICE_PER_DAY) or the Monday of the full
   * week (SERVICE_PER_WEEK); absent for CLIENT_ACTIVE.
   */
  readonly date?: string;
  readonly nearest?: NearestTimes;
};
export type InvalidTransition = {
  readonly ok: false;
  readonly code: 'INVALID_TRANSITION';
  readonly action: string;
  readonly from: AppointmentStatus;
  readonly message: string;
};
export type IdempotencyKeyReused = { readonly ok: false; readonly code: 'IDEMPOTENCY_KEY_REUSED' };

/** Every failure code a core use case can return. */
export type Failure =
  | NotFound
  | InvalidInput
  | SlotTaken
  | SlotUnavailable
  | NoShowLockout
  | LimitReached
  | InvalidTransition
  | IdempotencyKeyReused;
export type FailureCode = Failure['code'];

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function notFound(entity: Entity): NotFound {
  return { ok: false, code: 'NOT_FOUND', entity };
}

export function invalidInput(message: string, details?: Record<string, unknown>): InvalidInput {
  return details
    ? { ok: false, code: 'VALIDATION_ERROR', message, details }
    : { ok: false, code: 'VALIDATION_ERROR', message };
}
