// The appointment as JSON: snake_case, UTC instants with Z, parties in lower case.
import { z } from '@hono/zod-openapi';
import {
  APPOINTMENT_STATUSES,
  type Appointment,
  REFUND_STATUSES,
} from '../../domain/appointment.ts';

export const AppointmentJson = z
  .object({
    id: z.string(),
    provider_id: z.string(),
    client_id: z.string(),
    service_id: z.string(),
    start_time: z.string().openapi({ example: '2026-12-01T08:00:00.000Z' }),
    end_time: z.string(),
    status: z.enum(APPOINTMENT_STATUSES),
    notes: z.string().nullable(),
    meeting_link: z.string().nullable(),
    price: z.number().int(),
    currency: z.string(),
    amount_due: z.number().int().openapi({
      description: 'Paid up front (deposit or price) in minor units; 0 when paid on the day',
    }),
    hold_expires_at: z.string().nullable().openapi({
      description: 'While AWAITING_PAYMENT: when the unpaid hold is released',
    }),
    refund_status: z.enum(REFUND_STATUSES),
    cancelled_at: z.string().nullable(),
    cancelled_by: z.enum(['client', 'provider']).nullable(),
    cancellation_reason: z.string().nullable(),
    external_event_id: z.string().nullable(),
    series_id: z.string().nullable().openapi({
      description: 'The recurring series this is an occurrence of; null for a single booking',
    }),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Appointment');
export type AppointmentJson = z.infer<typeof AppointmentJson>;

export function toAppointmentJson(a: Appointment): AppointmentJson {
  return {
    id: a.id,
    provider_id: a.providerId,
    client_id: a.clientId,
    service_id: a.serviceId,
    start_time: a.startTime.toISOString(),
    end_time: a.endTime.toISOString(),
    status: a.status,
    notes: a.notes,
    meeting_link: a.meetingLink,
    price: a.price,
    currency: a.currency,
    amount_due: a.amountDue,
    hold_expires_at: a.holdExpiresAt?.toISOString() ?? null,
    refund_status: a.refundStatus,
    cancelled_at: a.cancelledAt?.toISOString() ?? null,
    cancelled_by:
      a.cancelledBy === null ? null : a.cancelledBy === 'CLIENT' ? 'client' : 'provider',
    cancellation_reason: a.cancellationReason,
    external_event_id: a.externalEventId,
    series_id: a.seriesId,
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
  };
}
