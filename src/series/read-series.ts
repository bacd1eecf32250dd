// Reads a series with its occurrences (every status) in start order, in one statement.
import { appointmentJson } from '../booking/appointment-row-json.ts';
import type { Database } from '../db/database.ts';
import type { SqlClient } from '../db/pg-transaction.ts';
import type { Appointment } from '../domain/appointment.ts';
import { isUuid } from '../domain/is-uuid.ts';
import { type NotFound, notFound, type Ok, ok } from '../domain/outcome.ts';
import { seriesJson } from './series-row-json.ts';
import type { Series } from './series-types.ts';

export type SeriesWithAppointments = {
  readonly series: Series;
  /** The series' appointments in start order, whatever their status (cancelled and moved too). */
  readonly appointments: readonly Appointment[];
};

/**
 * The series `seriesId` and its appointments in start order, each with its status as it is now.
 * NOT_FOUND (entity 'series') for an unknown or malformed id. Throws only on database faults.
 */
export async function readSeries(
  db: Database,
  seriesId: string,
): Promise<Ok<SeriesWithAppointments> | NotFound> {
  const found = await readSeriesOn(db.$client, seriesId);
  return found ? ok(found) : notFound('series');
}

/**
 * readSeries on a given connection, or null when there is no such series: inside a transaction
 * pass its client, so a caller holding locks never waits for a second connection.
 */
export async function readSeriesOn(
  client: SqlClient,
  seriesId: string,
): Promise<SeriesWithAppointments | null> {
  if (!isUuid(seriesId)) return null;
  const result = await client.query<{ series: unknown; appointments: unknown[] }>({
    name: 'slotline_read_series',
    text: `select row_to_json(s) as series,
        (select coalesce(json_agg(row_to_json(a) order by a.start_time, a.id), '[]')
          from appointments a where a.series_id = s.id) as appointments
      from appointment_series s where s.id = $1`,
    values: [seriesId],
  });
  const row = result.rows[0];
  if (!row) return null;
  return {
    series: seriesJson.parse(row.series),
    appointments: row.appointments.map((a) => appointmentJson.parse(a)),
  };
}
