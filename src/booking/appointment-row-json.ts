// An appointments row as row_to_json writes it (snake_case, ISO timestamps), parsed to the domain type.
import { z } from 'zod';
import {
  APPOINTMENT_STATUSES,
  type Appointment,
  PARTY_ROLES,
  REFUND_STATUSES,
} from '../domain/appointment.ts';
import { isoInstant } from './catalog-row-json.ts';

/** Checked once per statement, like the booking context: a column the SQL renames throws here. */
export const appointmentJson = z
  .object({
    id: z.string(),
    provider_id: z.string(),
    client_id: z.string(),
    service_id: z.string(),
    start_time: isoInstant,
    end_time: isoInstant,
    blocked_until: isoInstant,
    status: z.enum(APPOINTMENT_STATUSES),
    notes: z.string().nullable(),
    meeting_link: z.string().nullable(),
    price: z.number(),
    currency: z.string(),
    amount_due: z.number(),
    hold_expires_at: isoInstant.nullable(),
    refund_status: z.enum(REFUND_STATUSES),
    cancelled_at: isoInstant.nullable(),
    cancelled_by: z.enum(PARTY_ROLES).nullable(),
    cancellation_reason: z.string().nullable(),
    external_event_id: z.string().nullable(),
    series_id: z.string().nullable(),
    created_at: isoInstant,
    updated_at: isoInstant,
  })
  .transform(
    (r): Appointment => ({
      id: r.id,
      providerId: r.provider_id,
      clientId: r.client_id,
      serviceId: r.service_id,
      startTime: r.start_time,
      endTime: r.end_time,
      blockedUntil: r.blocked_until,
      status: r.status,
      notes: r.notes,
      meetingLink: r.meeting_link,
      price: r.price,
      currency: r.currency,
      amountDue: r.amount_due,
      holdExpiresAt: r.hold_expires_at,
      refundStatus: r.refund_status,
      cancelledAt: r.cancelled_at,
      cancelledBy: r.cancelled_by,
      cancellationReason: r.cancellation_reason,
      externalEventId: r.external_event_id,
      seriesId: r.series_id,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }),
  );
