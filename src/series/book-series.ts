// Books a weekly series in one transaction: every occurrence or none, or the free ones.
import { contextWindowAround } from '../booking/context-window.ts';
import { decideInContext, openingTerms } from '../booking/decide-booking.ts';
import { hashRequest } from '../booking/idempotency.ts';
import { insertBooking } from '../booking/insert-booking.ts';
import { loadBookingContext } from '../booking/load-booking-context.ts';
import { isExclusionViolation, StoreError } from '../booking/store-errors.ts';
import type { Database } from '../db/database.ts';
import { type SqlClient, takeLocksThenRead, withPgTransaction } from '../db/pg-transaction.ts';
import type { Appointment } from '../domain/appointment.ts';
import type {
  IdempotencyKeyReused,
  InvalidInput,
  NotFound,
  Ok,
  SlotTaken,
} from '../domain/outcome.ts';
import { notFound, ok } from '../domain/outcome.ts';
import { checkSeriesInput, type PlannedSeries } from './check-series-input.ts';
import { insertSeries } from './insert-series.ts';
import { readSeriesOn } from './read-series.ts';
import { judgeSeriesKey, type SeriesKey, seriesKeyRead, storeSeriesKey } from './series-key.ts';
import type {
  BookedSeries,
  Series,
  SeriesConflict,
  SeriesOccurrence,
  SeriesRequest,
} from './series-types.ts';

export type SeriesBookingResult =
  | Ok<BookedSeries>
  | SeriesConflict
  | NotFound
  | InvalidInput
  | IdempotencyKeyReused
  | SlotTaken;

/** Which outcomes a booking takes: its name (part of the request's identity) and its rule. */
type Take = {
  readonly name: 'all' | 'free';
  readonly accepts: (occurrences: readonly SeriesOccurrence[]) => boolean;
};

const WHOLE: Take = { name: 'all', accepts: (o) => o.every((x) => x.verdict.ok) };
const FREE: Take = { name: 'free', accepts: (o) => o.some((x) => x.verdict.ok) };

/**
 * Books every planned occurrence of the series, or none: SERIES_CONFLICT lists each occurrence
 * with its verdict (ok, or why it is refused) when any one cannot be booked, and nothing is
 * written. See bookFreeOfSeries for what both share.
 */
export function bookWholeSeries(
  db: Database,
  request: SeriesRequest,
  now: Date,
): Promise<SeriesBookingResult> {
  return bookSeries(db, request, now, WHOLE);
}

/**
 * Books the occurrences free now and skips the rest (`skipped`, each with why);
 * SERIES_CONFLICT, writing nothing, when none is free.
 * Both: one transaction takes the idempotency key's lock, then the provider's (the order and
 * names bookAppointment uses, so series and single bookings of a provider serialise), writes the
 * series row, then judges each occurrence on a context read on the transaction's own client,
 * which sees the occurrences already inserted, and inserts each free one as an ordinary booking
 * (openingTerms: a paid one starts as an unpaid hold; its BOOKED event drives its notices,
 * reminders and calendar push). Invariant: no two active appointments of a provider overlap.
 * The same key and request within 24 h replays the series as it is now (replayed: true); the
 * same key for another request (another `take` included) is IDEMPOTENCY_KEY_REUSED. NOT_FOUND
 * for an unknown or inactive provider, service or client; VALIDATION_ERROR as checkSeriesInput;
 * SLOT_TAKEN if the exclusion constraint refuses an insert. Throws StoreError only for faults.
 */
export function bookFreeOfSeries(
  db: Database,
  request: SeriesRequest,
  now: Date,
): Promise<SeriesBookingResult> {
  return bookSeries(db, request, now, FREE);
}

async function bookSeries(
  db: Database,
  request: SeriesRequest,
  now: Date,
  take: Take,
): Promise<SeriesBookingResult> {
  const planned = checkSeriesInput(request);
  if ('ok' in planned) return planned;
  const key: SeriesKey = { scope: `series:${request.actor}`, key: request.idempotencyKey };
  const requestHash = hashRequest(seriesFields(request, planned, take));
  try {
    return await withPgTransaction(db.$client, async (client) => {
      // The key's lock, then the provider's, always in that order (as bookAppointment).
      const locks = [`idem:${key.scope}:${key.key}`, `provider:${request.providerId}`];
      const rows = await takeLocksThenRead(client, locks, seriesKeyRead(key));
      const verdict = judgeSeriesKey(rows, requestHash, now);
      if (verdict.kind === 'reused') return { ok: false, code: 'IDEMPOTENCY_KEY_REUSED' } as const;
      if (verdict.kind === 'replay') {
        const stored = await readSeriesOn(client, verdict.seriesId);
        if (!stored) return notFound('series');
        return ok({ ...stored, skipped: verdict.skipped, replayed: true });
      }
      const missing = await missingParty(client, request, planned, now);
      if (missing) return missing;
      // Everything of this attempt is undone together when it is refused; the locks stay.
      await client.query('savepoint series_attempt');
      const series = await insertSeries(client, planned.input, request.actor, now);
      const booked = await bookOccurrences(client, series, request, planned, now);
      if (!booked.ok || !take.accepts(booked.value.occurrences)) {
        await client.query('rollback to savepoint series_attempt');
        return booked.ok ? conflict(booked.value.occurrences) : booked;
      }
      const { occurrences, appointments } = booked.value;
      const skipped = occurrences.filter((o) => !o.verdict.ok);
      await storeSeriesKey(client, { ...key, requestHash }, { seriesId: series.id, skipped }, now);
      return ok({ series, appointments, skipped, replayed: false });
    });
  } catch (error) {
    if (isExclusionViolation(error)) return { ok: false, code: 'SLOT_TAKEN' };
    throw new StoreError('series booking failed', { cause: error });
  }
}

/**
 * NOT_FOUND when the provider, service or client is unknown or inactive (judged at the first
 * occurrence, as every occurrence would be), before the series row would reference them.
 */
async function missingParty(
  client: SqlClient,
  request: SeriesRequest,
  planned: PlannedSeries,
  now: Date,
): Promise<NotFound | null> {
  const first = planned.starts[0] ?? request.firstStart;
  const context = await loadBookingContext(client, contextQuery(request, first, now));
  if (!context.ok) return context;
  const decision = decideInContext(context, first, now);
  return !decision.ok && decision.code === 'NOT_FOUND' ? decision : null;
}

function contextQuery(request: SeriesRequest, start: Date, now: Date) {
  return {
    ...request,
    ...contextWindowAround(start),
    excludeAppointmentId: null,
    idempotency: null,
    now,
  };
}

type BookedOccurrences = {
  readonly occurrences: readonly SeriesOccurrence[];
  readonly appointments: readonly Appointment[];
};

/**
 * Judges and inserts each planned start in order, on the transaction's client: each context read
 * sees the occurrences inserted before it, so limits and overlaps count them. NOT_FOUND when the
 * provider, service or client is unknown or inactive.
 */
async function bookOccurrences(
  client: SqlClient,
  series: Series,
  request: SeriesRequest,
  planned: PlannedSeries,
  now: Date,
): Promise<Ok<BookedOccurrences> | NotFound> {
  const occurrences: SeriesOccurrence[] = [];
  const appointments: Appointment[] = [];
  for (const start of planned.starts) {
    const context = await loadBookingContext(client, contextQuery(request, start, now));
    if (!context.ok) return context;
    const decision = decideInContext(context, start, now);
    if (!decision.ok && decision.code === 'NOT_FOUND') return decision;
    if (!decision.ok) {
      occurrences.push({ start, verdict: decision });
      continue;
    }
    const appointment = await insertBooking(
      client,
      {
        ...request,
        ...decision.value,
        ...openingTerms(context.service, request.paymentHoldMinutes, start, now),
        price: context.service.price,
        currency: context.service.currency,
        seriesId: series.id,
        key: null,
      },
      now,
    );
    occurrences.push({ start, verdict: { ok: true } });
    appointments.push(appointment);
  }
  return ok({ occurrences, appointments });
}

function conflict(occurrences: readonly SeriesOccurrence[]): SeriesConflict {
  return { ok: false, code: 'SERIES_CONFLICT', occurrences };
}

/** The fields that make two series requests the same request. */
function seriesFields(r: SeriesRequest, planned: PlannedSeries, take: Take): unknown[] {
  return [
    take.name,
    r.providerId,
    r.serviceId,
    r.clientId,
    r.firstStart.toISOString(),
    planned.timezone,
    r.occurrences,
    r.intervalWeeks,
    r.notes,
  ];
}
