// Writes the appointment_series row of a series being booked.

import { StoreError } from '../booking/store-errors.ts';
import type { SqlClient } from '../db/pg-transaction.ts';
import { seriesJson } from './series-row-json.ts';
import type { Series, SeriesInput } from './series-types.ts';

/**
 * Inserts the series: its first local date and wall-clock time are firstStart as seen in
 * `input.timezone` (PostgreSQL's zone rules, the same tz database). Runs on the booking
 * transaction's client; its occurrences reference the returned id.
 */
export async function insertSeries(
  client: SqlClient,
  input: SeriesInput,
  createdBy: string,
  now: Date,
): Promise<Series> {
  const result = await client.query<{ series: unknown }>({
    name: 'slotline_insert_series',
    text: `insert into appointment_series (provider_id, service_id, client_id, timezone, first_date,
        local_time, interval_weeks, occurrences, created_by, created_at)
      values ($1, $2, $3, $4, ($5::timestamptz at time zone $4)::date,
        ($5::timestamptz at time zone $4)::time, $6, $7, $8, $9)
      returning row_to_json(appointment_series.*) as series`,
    values: [
      input.providerId,
      input.serviceId,
      input.clientId,
      input.timezone,
      input.firstStart,
      input.intervalWeeks,
      input.occurrences,
      createdBy,
      now,
    ],
  });
  const row = result.rows[0];
  if (!row) throw new StoreError('series insert returned no row');
  return seriesJson.parse(row.series);
}
