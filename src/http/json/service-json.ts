// The service as JSON: snake_case fields, price in integer minor units, ISO timestamps.
import { z } from '@hono/zod-openapi';
import { PAYMENT_MODES, type Service } from '../../domain/catalog.ts';

export const ServiceJson = z
  .object({
    id: z.string(),
    provider_id: z.string(),
    name: z.string(),
    duration_minutes: z.number().int(),
    price: z.number().int().openapi({ description: 'Integer minor units (cents)', example: 5000 }),
    currency: z.string().openapi({ example: 'EUR' }),
    buffer_time_minutes: z.number().int(),
    max_advance_days: z.number().int(),
    cancellation_hours: z.number().int(),
    requires_approval: z.boolean(),
    min_notice_minutes: z.number().int(),
    slot_interval_minutes: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'null: duration plus buffer' }),
    is_virtual: z.boolean(),
    is_active: z.boolean(),
    payment_mode: z.enum(PAYMENT_MODES),
    deposit_amount: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Minor units paid up front when payment_mode is DEPOSIT' }),
    max_bookings_per_day: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Most active bookings on one local day; null: no limit' }),
    max_bookings_per_week: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Most active bookings in one local ISO week; null: no limit' }),
    created_at: z.string(),
  })
  .openapi('Service');
export type ServiceJson = z.infer<typeof ServiceJson>;

export function toServiceJson(s: Service): ServiceJson {
  return {
    id: s.id,
    provider_id: s.providerId,
    name: s.name,
    duration_minutes: s.durationMinutes,
    price: s.price,
    currency: s.currency,
    buffer_time_minutes: s.bufferTimeMinutes,
    max_advance_days: s.maxAdvanceDays,
    cancellation_hours: s.cancellationHours,
    requires_approval: s.requiresApproval,
    min_notice_minutes: s.minNoticeMinutes,
    slot_interval_minutes: s.slotIntervalMinutes,
    is_virtual: s.isVirtual,
    is_active: s.isActive,
    payment_mode: s.paymentMode,
    deposit_amount: s.depositAmount,
    max_bookings_per_day: s.maxBookingsPerDay,
    max_bookings_per_week: s.maxBookingsPerWeek,
    created_at: s.createdAt.toISOString(),
  };
}
