// The booking rules for one start time, pure: the slot engine's verdict plus the no-show lockout.
import type { AppointmentStatus } from '../domain/appointment.ts';
import type { Client, Service } from '../domain/catalog.ts';
import type {
  LimitReached,
  NoShowLockout,
  NotFound,
  Ok,
  SlotTaken,
  SlotUnavailable,
} from '../domain/outcome.ts';
import { notFound } from '../domain/outcome.ts';
import { checkSlot } from '../slots/check-slot.ts';
import { localDayOf } from '../slots/local-time.ts';
import { MINUTE_MS } from '../slots/time-units.ts';
import { limitRefusal } from './booking-limits.ts';
import { explainRefusal } from './explain-refusal.ts';
import type { BookingContext } from './load-booking-context.ts';

export type PlannedTimes = {
  readonly startTime: Date;
  readonly endTime: Date;
  readonly blockedUntil: Date;
};

/** Why a start time cannot be taken: every caller that places a time reports these. */
export type TimeRefused = SlotTaken | SlotUnavailable | NoShowLockout | LimitReached;

export type BookingDecision = Ok<PlannedTimes> | TimeRefused;

/**
 * Decides whether `start` can be booked now. Accepts exactly the starts the slot engine would
 * offer; an otherwise valid start that overlaps an active appointment is SLOT_TAKEN. A locked-out
 * client cannot book a start on the same local day (provider's zone) as `now`. A start the slot
 * rules accept is LIMIT_REACHED when its day or week, or the client, is at a limit
 * (limitRefusal). Order: lockout, slot rules, limits; a taken slot stays SLOT_TAKEN.
 */
function decideBooking(
  input: BookingContext & { client: Client; start: Date; now: Date },
): BookingDecision {
  const { rules, client, start, now } = input;
  const lockout = client.noShowLockoutUntil;
  if (
    lockout &&
    lockout > now &&
    localDayOf(start.getTime(), rules.timezone) === localDayOf(now.getTime(), rules.timezone)
  ) {
    return { ok: false, code: 'NO_SHOW_LOCKOUT', until: lockout };
  }
  const verdict = checkSlot({
    rules,
    busy: input.busy,
    start: start.getTime(),
    now: now.getTime(),
  });
  if (!verdict.ok) {
    const refusal = explainRefusal({ ...input, reason: verdict.reason });
    return withoutNearestWhenFull(input, refusal);
  }
  const limited = limitRefusal(input, start);
  if (limited) return limited;
  const endTime = new Date(start.getTime() + rules.durationMinutes * MINUTE_MS);
  return {
    ok: true,
    value: {
      startTime: start,
      endTime,
      blockedUntil: new Date(endTime.getTime() + rules.bufferMinutes * MINUTE_MS),
    },
  };
}

/**
 * decideBooking for a loaded context: NOT_FOUND first when the provider or service is inactive or
 * the client is missing, since nothing can be booked with them.
 */
export function decideInContext(
  context: BookingContext,
  start: Date,
  now: Date,
): BookingDecision | NotFound {
  if (!context.provider.isActive) return notFound('provider');
  if (!context.service.isActive) return notFound('service');
  if (!context.client) return notFound('client');
  return decideBooking({ ...context, client: context.client, start, now });
}

/**
 * A refusal's nearest times lie on the start's own local day: when that day (or its week, or the
 * client) is at a limit they cannot be taken either, so none are named.
 */
function withoutNearestWhenFull(
  input: BookingContext & { start: Date },
  refusal: SlotTaken | SlotUnavailable,
): SlotTaken | SlotUnavailable {
  if (!refusal.nearest || limitRefusal(input, input.start) === null) return refusal;
  return { ...refusal, nearest: { before: null, after: null } };
}

/** PENDING holds the slot until the provider approves; otherwise the booking is confirmed. */
export function initialStatus(service: Service): 'PENDING' | 'CONFIRMED' {
  return service.requiresApproval ? 'PENDING' : 'CONFIRMED';
}

/** How a new booking starts: its status, what is paid up front, and until when an unpaid hold lasts. */
export type OpeningTerms = {
  readonly status: AppointmentStatus;
  readonly amountDue: number;
  readonly holdExpiresAt: Date | null;
};

/**
 * A paid service (DEPOSIT or FULL) booked while payments are on (`holdMinutes` not null) starts
 * AWAITING_PAYMENT, holding its slot for `holdMinutes` but never past its start; it owes the
 * deposit or the price. Anything else starts as initialStatus and owes nothing up front.
 */
export function openingTerms(
  service: Service,
  holdMinutes: number | null,
  start: Date,
  now: Date,
): OpeningTerms {
  if (holdMinutes === null || service.paymentMode === 'NONE') {
    return { status: initialStatus(service), amountDue: 0, holdExpiresAt: null };
  }
  const amountDue =
    service.paymentMode === 'DEPOSIT' ? (service.depositAmount ?? service.price) : service.price;
  const until = Math.min(now.getTime() + holdMinutes * MINUTE_MS, start.getTime());
  return { status: 'AWAITING_PAYMENT', amountDue, holdExpiresAt: new Date(until) };
}
