// Maps every core failure to its HTTP status and error body, in one place.
import type { Context } from 'hono';
import type {
  Failure,
  FailureCode,
  LimitKind,
  LimitReached,
  SlotTaken,
  SlotUnavailable,
} from '../domain/outcome.ts';
import { type ErrorJson, errorJson } from './error-json.ts';

/** The HTTP status of each failure code; the switch below must agree. */
type StatusByCode = {
  NOT_FOUND: 404;
  VALIDATION_ERROR: 400;
  SLOT_TAKEN: 409;
  INVALID_TRANSITION: 409;
  NO_SHOW_LOCKOUT: 403;
  LIMIT_REACHED: 409;
  SLOT_UNAVAILABLE: 422;
  IDEMPOTENCY_KEY_REUSED: 422;
};
type FailureStatus<F extends Failure> = StatusByCode[F['code']];

/**
 * Status and body for `failure`. Exhaustive: a new Failure code fails to compile here until it
 * is mapped.
 */
function describeFailure(failure: Failure): {
  status: StatusByCode[FailureCode];
  body: ErrorJson;
} {
  switch (failure.code) {
    case 'NOT_FOUND':
      return {
        status: 404,
        body: errorJson(failure.code, `${failure.entity} not found`, { entity: failure.entity }),
      };
    case 'VALIDATION_ERROR':
      return { status: 400, body: errorJson(failure.code, failure.message, failure.details ?? {}) };
    case 'SLOT_TAKEN':
      return {
        status: 409,
        body: errorJson(
          failure.code,
          'the slot overlaps another appointment',
          slotDetails(failure),
        ),
      };
    case 'INVALID_TRANSITION':
      return {
        status: 409,
        body: errorJson(failure.code, failure.message, {
          from: failure.from,
          action: failure.action,
        }),
      };
    case 'NO_SHOW_LOCKOUT':
      return {
        status: 403,
        body: errorJson(
          failure.code,
          'the client is locked out of same-day booking after a no-show',
          {
            until: failure.until.toISOString(),
          },
        ),
      };
    case 'LIMIT_REACHED':
      return {
        status: 409,
        body: errorJson(failure.code, limitMessage(failure), {
          limit: failure.limit,
          max: failure.max,
          ...(failure.date === undefined ? {} : { date: failure.date }),
          ...slotDetails(failure),
        }),
      };
    case 'SLOT_UNAVAILABLE':
      return {
        status: 422,
        body: errorJson(failure.code, 'the start time is not a bookable slot', {
          reason: failure.reason,
          ...slotDetails(failure),
        }),
      };
    case 'IDEMPOTENCY_KEY_REUSED':
      return {
        status: 422,
        body: errorJson(
          failure.code,
          'the Idempotency-Key was already used for a different request',
        ),
      };
    default:
      return unmapped(failure);
  }
}

/**
 * The way on of a refused start: `nearest: {before, after}` (ISO instants or null) and the
 * service's limits (min_notice_minutes, max_advance_days, bookable_from, bookable_until).
 */
function slotDetails(failure: SlotTaken | SlotUnavailable | LimitReached): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  if (failure.nearest) {
    const { before, after } = failure.nearest;
    details.nearest = {
      before: before?.toISOString() ?? null,
      after: after?.toISOString() ?? null,
    };
  }
  if ('limits' in failure && failure.limits) {
    const { limits } = failure;
    details.min_notice_minutes = limits.minNoticeMinutes;
    details.max_advance_days = limits.maxAdvanceDays;
    details.bookable_from = limits.earliest.toISOString();
    details.bookable_until = limits.latest.toISOString();
  }
  return details;
}

/** The plain sentence for a full limit; `details.limit` and `details.max` say the same for code. */
function limitMessage(failure: LimitReached): string {
  const kind: LimitKind = failure.limit;
  const bookings = `${failure.max} booking${failure.max === 1 ? '' : 's'}`;
  switch (kind) {
    case 'SERVICE_PER_DAY':
      return `the service takes at most ${bookings} a day, and that day is full`;
    case 'SERVICE_PER_WEEK':
      return `the service takes at most ${bookings} a week, and that week is full`;
    case 'CLIENT_ACTIVE':
      return `the client already has ${failure.max} upcoming booking${failure.max === 1 ? '' : 's'} with this provider, the most allowed`;
    default:
      return unmapped(kind);
  }
}

/** The error body `failure` is sent with; for failures reported inside another answer. */
export function failureJson(failure: Failure): ErrorJson {
  return describeFailure(failure).body;
}

/** Sends `failure` as JSON, typed with exactly the statuses its codes can produce. */
export function sendFailure<F extends Failure>(c: Context, failure: F) {
  const { status, body } = describeFailure(failure);
  // The switch above maps each code to the status StatusByCode names; narrow to that.
  return c.json(body, status as FailureStatus<F>);
}

function unmapped(failure: never): never {
  throw new Error(`unmapped failure ${JSON.stringify(failure)}`);
}
