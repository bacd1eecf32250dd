// Expected outcomes of core use cases are values, not exceptions; every adapter maps each code.
import type { AppointmentStatus } from './appointment.ts';

export type Ok<T> = { readonly ok: true; readonly value: T };

export type UnavailableReason = 'OUTSIDE_AVAILABILITY' | 'TOO_SOON' | 'TOO_FAR_AHEAD' | 'BLOCKED';
export type Entity = 'provider' | 'service' | 'client' | 'appointment' | 'override';

export type NotFound = { readonly ok: false; readonly code: 'NOT_FOUND'; readonly entity: Entity };
export type InvalidInput = {
  readonly ok: false;
  readonly code: 'VALIDATION_ERROR';
  readonly message: string;
  readonly details?: Record<string, unknown>;
};
export type SlotTaken = { readonly ok: false; readonly code: 'SLOT_TAKEN' };
export type SlotUnavailable = {
  readonly ok: false;
  readonly code: 'SLOT_UNAVAILABLE';
  readonly reason: UnavailableReason;
};
export type NoShowLockout = {
  readonly ok: false;
  readonly code: 'NO_SHOW_LOCKOUT';
  readonly until: Date;
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
