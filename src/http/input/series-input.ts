// Request bodies of the recurring-appointment (series) routes.
import { z } from '@hono/zod-openapi';
import { SERIES_LIMITS } from '../../series/series-types.ts';
import { instantText, plainText, timezoneText } from './common-input.ts';

const { minOccurrences, maxOccurrences, minIntervalWeeks, maxIntervalWeeks } = SERIES_LIMITS;

const seriesFields = {
  provider_id: z.string().min(1),
  service_id: z.string().min(1),
  client_id: z.string().min(1),
  start_time: instantText.openapi({ description: 'The first occurrence' }),
  occurrences: z.number().int().min(minOccurrences).max(maxOccurrences).openapi({ example: 8 }),
  interval_weeks: z
    .number()
    .int()
    .min(minIntervalWeeks)
    .max(maxIntervalWeeks)
    .default(1)
    .openapi({ description: 'Weeks between occurrences; 1 (weekly) when absent' }),
  timezone: timezoneText.optional().openapi({
    description:
      "The zone whose wall clock every occurrence keeps (10:00 stays 10:00 across DST); the provider's when absent",
  }),
};

export const PreviewSeriesBody = z.strictObject(seriesFields).openapi('PreviewSeries');

export const BookSeriesBody = z
  .strictObject({
    ...seriesFields,
    notes: plainText(5000).nullable().optional(),
    take: z.enum(['all', 'free']).default('all').openapi({
      description:
        'all: every occurrence or none (409 SERIES_CONFLICT names the refused ones); free: the free ones, the rest skipped',
    }),
  })
  .openapi('BookSeries');
export type BookSeriesBody = z.infer<typeof BookSeriesBody>;
