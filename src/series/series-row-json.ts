// An appointment_series row as row_to_json writes it (snake_case, ISO timestamps), parsed to Series.
import { z } from 'zod';
import { isoInstant } from '../booking/catalog-row-json.ts';
import type { Series } from './series-types.ts';

/** Checked once per statement: a column the SQL renames throws here. */
export const seriesJson = z
  .object({
    id: z.string(),
    provider_id: z.string(),
    service_id: z.string(),
    client_id: z.string(),
    timezone: z.string(),
    first_date: z.string(),
    // time columns come out as 'HH:MM:SS'; a series starts on a whole minute.
    local_time: z.string().transform((text) => text.slice(0, 5)),
    interval_weeks: z.number(),
    occurrences: z.number(),
    created_by: z.string(),
    cancelled_at: isoInstant.nullable(),
    created_at: isoInstant,
  })
  .transform(
    (r): Series => ({
      id: r.id,
      providerId: r.provider_id,
      serviceId: r.service_id,
      clientId: r.client_id,
      timezone: r.timezone,
      firstDate: r.first_date,
      localTime: r.local_time,
      intervalWeeks: r.interval_weeks,
      occurrences: r.occurrences,
      createdBy: r.created_by,
      cancelledAt: r.cancelled_at,
      createdAt: r.created_at,
    }),
  );
