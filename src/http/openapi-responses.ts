// Response declarations for createRoute, so the OpenAPI document names every status a route sends.
import type { z } from '@hono/zod-openapi';
import { ErrorJson } from './error-json.ts';

const ERROR_DESCRIPTIONS = {
  400: 'VALIDATION_ERROR: malformed JSON, wrong types or values the rules refuse',
  401: 'UNAUTHORIZED: missing or wrong bearer token',
  403: 'NO_SHOW_LOCKOUT: the client may not book today (details.until)',
  404: 'NOT_FOUND: unknown or malformed id (details.entity)',
  409:
    'SLOT_TAKEN (details.nearest: {before, after}, the nearest free starts that day, ISO or null) ' +
    'or LIMIT_REACHED (details.limit: SERVICE_PER_DAY, SERVICE_PER_WEEK or CLIENT_ACTIVE; ' +
    'details.max: the limit; details.date: the full local day, or the Monday of the full week) ' +
    'or INVALID_TRANSITION (details.from, details.action) ' +
    'or NOT_AWAITING_PAYMENT (details.status) ' +
    'or SERIES_CONFLICT (details.occurrences: every planned occurrence with free and, when ' +
    'refused, refusal {code, message, details} as a single booking would be refused)',
  422:
    'SLOT_UNAVAILABLE or IDEMPOTENCY_KEY_REUSED. SLOT_UNAVAILABLE details: reason (IN_THE_PAST, ' +
    'TOO_SOON: within min notice, TOO_FAR_AHEAD: past max advance, OFF_GRID: inside working ' +
    'hours but not a slot start, OUTSIDE_AVAILABILITY, BLOCKED); nearest: {before, after}, the ' +
    "nearest bookable starts on that local day (provider's zone), ISO instants or null; " +
    'min_notice_minutes, max_advance_days, and bookable_from / bookable_until: the instants ' +
    'between which starts are bookable now. AMOUNT_NOT_CHARGEABLE: Stripe will not take the amount',
  503:
    'UNAVAILABLE: a part of the server this route needs is not running; ' +
    'PAYMENT_UNAVAILABLE: Stripe stayed down through every retry',
} as const;
type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

type JsonResponse<S extends z.ZodType> = {
  description: string;
  content: { 'application/json': { schema: S } };
};

/** A JSON response of `schema`. */
export function jsonResponse<S extends z.ZodType>(schema: S, description: string): JsonResponse<S> {
  return { description, content: { 'application/json': { schema } } };
}

/** The error responses a route can send; 401 is always included since every /api route has it. */
export function errorResponses<S extends ErrorStatus = never>(
  ...statuses: S[]
): Record<NoInfer<S> | 401, JsonResponse<typeof ErrorJson>> {
  const all: ErrorStatus[] = [401, ...statuses];
  return Object.fromEntries(
    all.map((s) => [s, jsonResponse(ErrorJson, ERROR_DESCRIPTIONS[s])]),
  ) as Record<S | 401, JsonResponse<typeof ErrorJson>>;
}

/** A required JSON request body of `schema`. */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return { required: true, content: { 'application/json': { schema } } } as const;
}

/** A JSON request body of `schema` that may be absent (PATCH routes, where empty means no change). */
export function optionalJsonBody<S extends z.ZodType>(schema: S) {
  return { required: false, content: { 'application/json': { schema } } } as const;
}
