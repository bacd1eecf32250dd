// The one error body every failing request gets, and its OpenAPI schema.
import { z } from '@hono/zod-openapi';
import type { CalendarConnectFailure } from '../calendars/calendar-connect-deps.ts';
import type { FailureCode } from '../domain/outcome.ts';

/** Core failure codes plus the ones only the HTTP edge produces. */
export type ErrorCode =
  | FailureCode
  | CalendarConnectFailure['code']
  | 'CALENDAR_UNAVAILABLE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNAUTHORIZED'
  | 'BAD_SIGNATURE'
  | 'NOT_AWAITING_PAYMENT'
  | 'SERIES_CONFLICT'
  | 'AMOUNT_NOT_CHARGEABLE'
  | 'PAYMENT_UNAVAILABLE'
  | 'INTERNAL_ERROR'
  | 'UNAVAILABLE';

export const ErrorJson = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'NOT_FOUND' }),
      message: z.string(),
      details: z.record(z.string(), z.unknown()),
    }),
  })
  .openapi('Error');
export type ErrorJson = z.infer<typeof ErrorJson>;

/** `{ error: { code, message, details } }`; details is always an object, possibly empty. */
export function errorJson(
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): ErrorJson {
  return { error: { code, message, details } };
}
