// Shows which occurrences of a series are free now, without locking or booking anything.
import { contextWindowAround } from '../booking/context-window.ts';
import { decideInContext, type PlannedTimes } from '../booking/decide-booking.ts';
import { type BookingContext, loadBookingContext } from '../booking/load-booking-context.ts';
import type { Database } from '../db/database.ts';
import type { InvalidInput, NotFound, Ok } from '../domain/outcome.ts';
import { ok } from '../domain/outcome.ts';
import { checkSeriesInput } from './check-series-input.ts';
import type { SeriesInput, SeriesOccurrence } from './series-types.ts';

/**
 * Every planned occurrence of `input` with its verdict at `now`: ok, or why it is refused
 * (SLOT_TAKEN, SLOT_UNAVAILABLE, NO_SHOW_LOCKOUT, a full limit). Each is judged by the booking
 * rules as if the earlier free ones were booked, so the free ones can all be booked together.
 * One context read covers the whole span; nothing is locked, so the answer may be stale by the
 * time the client books (booking judges again under the lock). NOT_FOUND when the provider,
 * service or client is unknown or inactive; VALIDATION_ERROR as checkSeriesInput says. Throws
 * only on database faults.
 */
export async function previewSeries(
  db: Database,
  input: SeriesInput,
  now: Date,
): Promise<Ok<{ occurrences: SeriesOccurrence[] }> | NotFound | InvalidInput> {
  const planned = checkSeriesInput(input);
  if ('ok' in planned) return planned;
  const { starts } = planned;
  const first = contextWindowAround(starts[0] ?? input.firstStart);
  const last = contextWindowAround(starts[starts.length - 1] ?? input.firstStart);
  let context = await loadBookingContext(db.$client, {
    providerId: input.providerId,
    serviceId: input.serviceId,
    clientId: input.clientId,
    fromDate: first.fromDate,
    toDate: last.toDate,
    rangeStart: first.rangeStart,
    rangeEnd: last.rangeEnd,
    excludeAppointmentId: null,
    idempotency: null,
    now,
  });
  if (!context.ok) return context;
  const occurrences: SeriesOccurrence[] = [];
  for (const start of starts) {
    const decision = decideInContext(context, start, now);
    if (decision.ok) {
      occurrences.push({ start, verdict: { ok: true } });
      context = withBooked(context, decision.value);
    } else if (decision.code === 'NOT_FOUND') {
      return decision;
    } else {
      occurrences.push({ start, verdict: decision });
    }
  }
  return ok({ occurrences });
}

/** The context as it would be with `times` booked: busy, and counted towards every limit. */
function withBooked(context: BookingContext, times: PlannedTimes): BookingContext {
  const start = times.startTime.getTime();
  return {
    ...context,
    busy: {
      ...context.busy,
      appointments: [...context.busy.appointments, { start, end: times.blockedUntil.getTime() }],
    },
    serviceStarts: [...context.serviceStarts, start],
    clientActiveCount: context.clientActiveCount + 1,
  };
}
