// Request bodies and queries of the weekly schedule and override routes.
import { z } from '@hono/zod-openapi';
import { calendarDate, localTimeText } from './common-input.ts';
import { PagingQuery } from './paging-input.ts';

const WindowBody = z.strictObject({
  day_of_week: z.number().int().min(0).max(6).openapi({ description: '0 = Monday ... 6 = Sunday' }),
  start_time: localTimeText,
  end_time: localTimeText.openapi({ example: '17:00' }),
});

/** The complete new schedule; an empty list clears it. */
export const ReplaceAvailabilityBody = z
  .strictObject({ windows: z.array(WindowBody).max(500) })
  .openapi('ReplaceAvailability');

export const CreateOverrideBody = z
  .strictObject({
    date: calendarDate,
    start_time: localTimeText.nullable().optional(),
    end_time: localTimeText.nullable().optional(),
    is_blocked: z.boolean().openapi({
      description: 'true removes the times (or the whole day without times); false adds them',
    }),
  })
  .openapi('CreateOverride');

export const OverrideListQuery = PagingQuery.extend({
  from: calendarDate.optional().openapi({ param: { name: 'from', in: 'query' } }),
  to: calendarDate.optional().openapi({ param: { name: 'to', in: 'query' } }),
});
