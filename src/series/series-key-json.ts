// A series' idempotency record as stored in idempotency_keys.response_body, parsed back to domain values.
import { z } from 'zod';
import { isoInstant } from '../booking/catalog-row-json.ts';
import type { TimeRefused } from '../booking/decide-booking.ts';
import type { NearestTimes } from '../domain/outcome.ts';
import type { SeriesOccurrence } from './series-types.ts';

const nearestJson = z.object({ before: isoInstant.nullable(), after: isoInstant.nullable() });
const limitsJson = z.object({
  minNoticeMinutes: z.number(),
  maxAdvanceDays: z.number(),
  earliest: isoInstant,
  latest: isoInstant,
});

/** Keeps `nearest` only when it was stored: the domain types have it optional, never undefined. */
function withNearest<T extends object>(refusal: T, nearest: NearestTimes | undefined) {
  return nearest ? { ...refusal, nearest } : refusal;
}

// Dates went in as ISO text (JSON.stringify); the same shapes TimeRefused has come back.
const refusalJson = z.discriminatedUnion('code', [
  z
    .object({ code: z.literal('SLOT_TAKEN'), nearest: nearestJson.optional() })
    .transform((r): TimeRefused => withNearest({ ok: false, code: r.code }, r.nearest)),
  z
    .object({
      code: z.literal('SLOT_UNAVAILABLE'),
      reason: z.enum([
        'IN_THE_PAST',
        'TOO_SOON',
        'TOO_FAR_AHEAD',
        'OFF_GRID',
        'OUTSIDE_AVAILABILITY',
        'BLOCKED',
      ]),
      nearest: nearestJson.optional(),
      limits: limitsJson.optional(),
    })
    .transform((r): TimeRefused => {
      const base = withNearest({ ok: false, code: r.code, reason: r.reason } as const, r.nearest);
      return r.limits ? { ...base, limits: r.limits } : base;
    }),
  z
    .object({ code: z.literal('NO_SHOW_LOCKOUT'), until: isoInstant })
    .transform((r): TimeRefused => ({ ok: false, code: r.code, until: r.until })),
  z
    .object({
      code: z.literal('LIMIT_REACHED'),
      limit: z.enum(['SERVICE_PER_DAY', 'SERVICE_PER_WEEK', 'CLIENT_ACTIVE']),
      max: z.number(),
      nearest: nearestJson.optional(),
    })
    .transform(
      (r): TimeRefused =>
        withNearest({ ok: false, code: r.code, limit: r.limit, max: r.max } as const, r.nearest),
    ),
]);

/** What a series' key answered with: the series and the occurrences it skipped, with why. */
export const seriesKeyBodyJson = z.object({
  series_id: z.string(),
  skipped: z.array(
    z
      .object({ start: isoInstant, verdict: refusalJson })
      .transform((r): SeriesOccurrence => ({ start: r.start, verdict: r.verdict })),
  ),
});
