// Request bodies, headers and queries of the appointment routes.
import { z } from '@hono/zod-openapi';
import { APPOINTMENT_STATUSES } from '../../domain/appointment.ts';
import { instantText, plainText } from './common-input.ts';
import { PagingQuery } from './paging-input.ts';

const reason = plainText(2000).nullable().optional();

export const BookAppointmentBody = z
  .strictObject({
    provider_id: z.string().min(1),
    service_id: z.string().min(1),
    client_id: z.string().min(1),
    start_time: instantText,
    notes: plainText(5000).nullable().optional(),
  })
  .openapi('BookAppointment');

export const IdempotencyHeaders = z.object({
  'idempotency-key': z
    .string({
      error: 'the Idempotency-Key header is required: any unique string, 1 to 255 characters',
    })
    .min(1)
    .max(255)
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description: 'Repeat it to retry safely: the same request returns the first outcome for 24 h',
    }),
});

const optionalInstant = (name: string) =>
  instantText.optional().openapi({ param: { name, in: 'query' } });

export const AppointmentListQuery = PagingQuery.extend({
  provider_id: z
    .string()
    .optional()
    .openapi({ param: { name: 'provider_id', in: 'query' } }),
  client_id: z
    .string()
    .optional()
    .openapi({ param: { name: 'client_id', in: 'query' } }),
  status: z
    .enum(APPOINTMENT_STATUSES)
    .optional()
    .openapi({ param: { name: 'status', in: 'query' } }),
  from: optionalInstant('from').openapi({ description: 'Starting at or after' }),
  to: optionalInstant('to').openapi({ description: 'Starting before' }),
});

export const DeclineBody = z.strictObject({ reason }).openapi('DeclineAppointment');

export const CancelBody = z
  .strictObject({ by: z.enum(['client', 'provider']), reason })
  .openapi('CancelAppointment');

export const RescheduleBody = z
  .strictObject({ start_time: instantText })
  .openapi('RescheduleAppointment');
