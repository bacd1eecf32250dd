// Cancels a series: every future active occurrence through the single cancel, then the series itself.
import { cancelAppointment } from '../booking/cancel-appointment.ts';
import type { Database } from '../db/database.ts';
import { ACTIVE_STATUSES, type Appointment, type PartyRole } from '../domain/appointment.ts';
import { type NotFound, notFound, type Ok, ok } from '../domain/outcome.ts';
import { readSeriesOn, type SeriesWithAppointments } from './read-series.ts';

export type CancelSeriesRequest = {
  readonly seriesId: string;
  /** Who asks, recorded on each CANCELLED event ('admin', 'client:<id>', ...). */
  readonly actor: string;
  readonly by: PartyRole;
  readonly reason: string | null;
};

/** The series after cancelling, and the occurrences this call cancelled. */
export type CancelledSeries = SeriesWithAppointments & {
  readonly cancelled: readonly Appointment[];
};

/**
 * Cancels every occurrence of the series that is still active (unpaid, pending or confirmed) and
 * starts after `now`, each through cancelAppointment in its own transaction, so the refund policy
 * (and a refund owed for a paid one), the CANCELLED event and its notices apply per occurrence.
 * Past, completed, no-show and already cancelled occurrences stay as they are. Then marks the
 * series cancelled (the first time only). Repeating it cancels what is left, or nothing.
 * An occurrence changed meanwhile so that it cannot be cancelled is left as it is. NOT_FOUND for
 * an unknown or malformed id. Throws StoreError on faults; occurrences cancelled before a fault
 * stay cancelled, and a retry finishes the rest.
 */
export async function cancelSeries(
  db: Database,
  request: CancelSeriesRequest,
  now: Date,
): Promise<Ok<CancelledSeries> | NotFound> {
  const before = await readSeriesOn(db.$client, request.seriesId);
  if (!before) return notFound('series');
  const cancelled: Appointment[] = [];
  for (const occurrence of before.appointments.filter((a) => isFutureActive(a, now))) {
    const result = await cancelAppointment(
      db,
      {
        appointmentId: occurrence.id,
        actor: request.actor,
        by: request.by,
        reason: request.reason,
      },
      now,
    );
    if (result.ok) cancelled.push(result.value);
  }
  await db.$client.query({
    name: 'slotline_cancel_series',
    text: 'update appointment_series set cancelled_at = coalesce(cancelled_at, $2) where id = $1',
    values: [request.seriesId, now],
  });
  const after = await readSeriesOn(db.$client, request.seriesId);
  if (!after) return notFound('series');
  return ok({ ...after, cancelled });
}

function isFutureActive(a: Appointment, now: Date): boolean {
  return (ACTIVE_STATUSES as readonly string[]).includes(a.status) && a.startTime > now;
}
