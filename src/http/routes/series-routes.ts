// Recurring appointments: preview, book (idempotent), read and cancel a weekly series.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getProvider } from '../../catalog/get-provider.ts';
import { isUuid } from '../../domain/is-uuid.ts';
import { type NotFound, notFound, type Ok, ok } from '../../domain/outcome.ts';
import { bookFreeOfSeries, bookWholeSeries } from '../../series/book-series.ts';
import { cancelSeries } from '../../series/cancel-series.ts';
import { previewSeries } from '../../series/preview-series.ts';
import { readSeries } from '../../series/read-series.ts';
import type { SeriesInput, SeriesOccurrence } from '../../series/series-types.ts';
import type { AppDeps } from '../app-deps.ts';
import { errorJson } from '../error-json.ts';
import { sendFailure } from '../failure-response.ts';
import { CancelBody, IdempotencyHeaders } from '../input/appointment-input.ts';
import { IdParam } from '../input/common-input.ts';
import { BookSeriesBody, PreviewSeriesBody } from '../input/series-input.ts';
import { AppointmentJson, toAppointmentJson } from '../json/appointment-json.ts';
import {
  OccurrenceJson,
  SeriesJson,
  SeriesWithAppointmentsJson,
  toOccurrenceJson,
  toSeriesJson,
  toSeriesWithAppointmentsJson,
} from '../json/series-json.ts';
import { errorResponses, jsonBody, jsonResponse } from '../openapi-responses.ts';

const ACTOR = 'admin';
const tags = ['Recurring appointments'];

const BookedSeriesJson = z
  .object({
    series: SeriesJson,
    appointments: z.array(AppointmentJson),
    skipped: z.array(OccurrenceJson).openapi({ description: 'take=free: occurrences left out' }),
  })
  .openapi('BookedSeries');

const PreviewJson = z
  .object({ timezone: z.string(), occurrences: z.array(OccurrenceJson) })
  .openapi('SeriesPreview');

const CancelledSeriesJson = SeriesWithAppointmentsJson.extend({
  cancelled_ids: z
    .array(z.string())
    .openapi({ description: 'The occurrences this call cancelled' }),
}).openapi('CancelledSeries');

const preview = createRoute({
  method: 'post',
  path: '/api/appointments/series/preview',
  tags,
  summary: 'Which dates of a weekly series are free now',
  description:
    'Each occurrence is judged as if the earlier free ones were booked; nothing is booked or held.',
  request: { body: jsonBody(PreviewSeriesBody) },
  responses: {
    200: jsonResponse(PreviewJson, 'Every planned occurrence, free or with its refusal'),
    ...errorResponses(400, 404),
  },
});

const book = createRoute({
  method: 'post',
  path: '/api/appointments/series',
  tags,
  summary: 'Book a weekly series',
  description:
    'One transaction. take=all books every occurrence or none; take=free books the free ones. Each occurrence is an ordinary appointment (series_id set): a paid one starts as its own unpaid hold (pay each with POST /api/appointments/{id}/checkout), and cancelling or moving one leaves the others. A replay of the same Idempotency-Key and request answers 200 with Idempotent-Replayed: true.',
  request: { headers: IdempotencyHeaders, body: jsonBody(BookSeriesBody) },
  responses: {
    201: jsonResponse(BookedSeriesJson, 'Booked'),
    200: jsonResponse(BookedSeriesJson, 'Replay of an earlier series with the same key'),
    ...errorResponses(400, 404, 409, 422),
  },
});

const read = createRoute({
  method: 'get',
  path: '/api/appointments/series/{id}',
  tags,
  summary: 'Get a series and its occurrences (every status, in start order)',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(SeriesWithAppointmentsJson, 'The series'),
    ...errorResponses(404),
  },
});

const cancel = createRoute({
  method: 'post',
  path: '/api/appointments/series/{id}/cancel',
  tags,
  summary: 'Cancel the future occurrences of a series',
  description:
    'Each future active occurrence is cancelled as POST /api/appointments/{id}/cancel would (refund_status per occurrence); past and cancelled ones stay. Repeatable.',
  request: { params: IdParam, body: jsonBody(CancelBody) },
  responses: {
    200: jsonResponse(CancelledSeriesJson, 'The series after cancelling'),
    ...errorResponses(400, 404),
  },
});

/** Registers preview, book, read and cancel of series. */
export function registerSeriesRoutes(app: OpenAPIHono, deps: AppDeps): void {
  registerSeriesBookingRoutes(app, deps);
  registerSeriesReadAndCancel(app, deps);
}

/** Preview and book. */
function registerSeriesBookingRoutes(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(preview, async (c) => {
    const input = await seriesInput(deps, c.req.valid('json'));
    if (!input.ok) return sendFailure(c, input);
    const result = await previewSeries(deps.db, input.value, deps.clock());
    if (!result.ok) return sendFailure(c, result);
    const occurrences = result.value.occurrences.map(toOccurrenceJson);
    return c.json({ timezone: input.value.timezone, occurrences }, 200);
  });

  app.openapi(book, async (c) => {
    const body = c.req.valid('json');
    const input = await seriesInput(deps, body);
    if (!input.ok) return sendFailure(c, input);
    const request = {
      ...input.value,
      notes: body.notes ?? null,
      idempotencyKey: c.req.valid('header')['idempotency-key'],
      actor: ACTOR,
      paymentHoldMinutes: deps.payments?.holdMinutes ?? null,
    };
    const bookSeries = body.take === 'free' ? bookFreeOfSeries : bookWholeSeries;
    const result = await bookSeries(deps.db, request, deps.clock());
    if (!result.ok && result.code === 'SERIES_CONFLICT') return conflict(c, result.occurrences);
    if (!result.ok) return sendFailure(c, result);
    if (!result.value.replayed && deps.relayChanges) void deps.relayChanges();
    const json = {
      series: toSeriesJson(result.value.series),
      appointments: result.value.appointments.map(toAppointmentJson),
      skipped: result.value.skipped.map(toOccurrenceJson),
    };
    return result.value.replayed
      ? c.json(json, 200, { 'Idempotent-Replayed': 'true' })
      : c.json(json, 201);
  });
}

/** Read one series, and cancel its future occurrences. */
function registerSeriesReadAndCancel(app: OpenAPIHono, deps: AppDeps): void {
  app.openapi(read, async (c) => {
    const result = await readSeries(deps.db, c.req.valid('param').id);
    return result.ok
      ? c.json(toSeriesWithAppointmentsJson(result.value), 200)
      : sendFailure(c, result);
  });

  app.openapi(cancel, async (c) => {
    const body = c.req.valid('json');
    const request = {
      seriesId: c.req.valid('param').id,
      actor: ACTOR,
      by: body.by === 'client' ? 'CLIENT' : 'PROVIDER',
      reason: body.reason ?? null,
    } as const;
    const result = await cancelSeries(deps.db, request, deps.clock());
    if (!result.ok) return sendFailure(c, result);
    if (result.value.cancelled.length > 0 && deps.relayChanges) void deps.relayChanges();
    const json = {
      ...toSeriesWithAppointmentsJson(result.value),
      cancelled_ids: result.value.cancelled.map((a) => a.id),
    };
    return c.json(json, 200);
  });
}

/** 409 SERIES_CONFLICT with every planned occurrence, free or with its refusal. */
function conflict(c: Context, occurrences: readonly SeriesOccurrence[]) {
  const refused = occurrences.filter((o) => !o.verdict.ok).length;
  const message =
    refused === occurrences.length
      ? 'no occurrence of the series can be booked'
      : `${refused} of ${occurrences.length} occurrences cannot be booked`;
  const details = { occurrences: occurrences.map(toOccurrenceJson) };
  return c.json(errorJson('SERIES_CONFLICT', message, details), 409);
}

/**
 * The core's series input from a body; the zone defaults to the provider's, so an unknown
 * provider is NOT_FOUND here already.
 */
async function seriesInput(
  deps: AppDeps,
  body: {
    provider_id: string;
    service_id: string;
    client_id: string;
    start_time: string;
    occurrences: number;
    interval_weeks: number;
    timezone?: string | undefined;
  },
): Promise<Ok<SeriesInput> | NotFound> {
  if (!isUuid(body.provider_id)) return notFound('provider');
  let timezone = body.timezone;
  if (timezone === undefined) {
    const provider = await getProvider(deps.db, body.provider_id);
    if (!provider.ok) return provider;
    timezone = provider.value.timezone;
  }
  return ok({
    providerId: body.provider_id,
    serviceId: body.service_id,
    clientId: body.client_id,
    firstStart: new Date(body.start_time),
    timezone,
    occurrences: body.occurrences,
    intervalWeeks: body.interval_weeks,
  });
}
