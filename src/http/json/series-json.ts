// A series and its occurrences as JSON: snake_case, UTC instants with Z.
import { z } from '@hono/zod-openapi';
import type { Appointment } from '../../domain/appointment.ts';
import type { Series, SeriesOccurrence } from '../../series/series-types.ts';
import { ErrorJson } from '../error-json.ts';
import { failureJson } from '../failure-response.ts';
import { AppointmentJson, toAppointmentJson } from './appointment-json.ts';

export const SeriesJson = z
  .object({
    id: z.string(),
    provider_id: z.string(),
    service_id: z.string(),
    client_id: z.string(),
    timezone: z.string().openapi({ example: 'Europe/Berlin' }),
    first_date: z.string().openapi({ example: '2026-12-01' }),
    local_time: z.string().openapi({ example: '10:00' }),
    interval_weeks: z.number().int(),
    occurrences: z.number().int(),
    created_by: z.string(),
    cancelled_at: z.string().nullable(),
    created_at: z.string(),
  })
  .openapi('Series');

export const OccurrenceJson = z
  .object({
    start_time: z.string().openapi({ example: '2026-12-01T09:00:00.000Z' }),
    free: z.boolean(),
    refusal: ErrorJson.shape.error.nullable().openapi({
      description: 'Why it cannot be booked: the error a single booking of it would get',
    }),
  })
  .openapi('SeriesOccurrence');

export const SeriesWithAppointmentsJson = z
  .object({ series: SeriesJson, appointments: z.array(AppointmentJson) })
  .openapi('SeriesWithAppointments');

export function toSeriesJson(s: Series): z.infer<typeof SeriesJson> {
  return {
    id: s.id,
    provider_id: s.providerId,
    service_id: s.serviceId,
    client_id: s.clientId,
    timezone: s.timezone,
    first_date: s.firstDate,
    local_time: s.localTime,
    interval_weeks: s.intervalWeeks,
    occurrences: s.occurrences,
    created_by: s.createdBy,
    cancelled_at: s.cancelledAt?.toISOString() ?? null,
    created_at: s.createdAt.toISOString(),
  };
}

export function toOccurrenceJson(o: SeriesOccurrence): z.infer<typeof OccurrenceJson> {
  return {
    start_time: o.start.toISOString(),
    free: o.verdict.ok,
    refusal: o.verdict.ok ? null : failureJson(o.verdict).error,
  };
}

export function toSeriesWithAppointmentsJson(v: {
  readonly series: Series;
  readonly appointments: readonly Appointment[];
}): z.infer<typeof SeriesWithAppointmentsJson> {
  return { series: toSeriesJson(v.series), appointments: v.appointments.map(toAppointmentJson) };
}
