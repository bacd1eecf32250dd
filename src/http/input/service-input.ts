// Request bodies of the service routes; ranges match the table's check constraints.
import { z } from '@hono/zod-openapi';
import { PAYMENT_MODES } from '../../domain/catalog.ts';
import { nameText } from './common-input.ts';

const minutesOfDay = z.number().int().min(1).max(1440);

const serviceFields = {
  name: nameText,
  duration_minutes: minutesOfDay.openapi({ example: 30 }),
  price: z
    .number()
    .int()
    .min(0)
    .max(2_147_483_647)
    .openapi({ description: 'Integer minor units (cents)', example: 5000 }),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code in capitals')
    .openapi({ example: 'EUR' }),
  buffer_time_minutes: z.number().int().min(0).max(1440),
  max_advance_days: z.number().int().min(1).max(3650),
  cancellation_hours: z.number().int().min(0).max(87_600),
  requires_approval: z.boolean(),
  min_notice_minutes: z.number().int().min(0).max(5_256_000),
  slot_interval_minutes: minutesOfDay
    .nullable()
    .openapi({ description: 'null: duration plus buffer' }),
  is_virtual: z.boolean(),
  is_active: z.boolean(),
  payment_mode: z.enum(PAYMENT_MODES).openapi({
    description:
      'NONE: paid on the day. DEPOSIT: deposit_amount up front. FULL: the price up front. ' +
      'A paid mode needs price > 0 (400 PAID_SERVICE_FREE) and works only when Stripe is configured',
  }),
  deposit_amount: z
    .number()
    .int()
    .min(1)
    .max(2_147_483_647)
    .nullable()
    .openapi({
      description:
        'Minor units paid up front with payment_mode DEPOSIT; 1..price (400 DEPOSIT_OVER_PRICE), ' +
        'required with DEPOSIT (DEPOSIT_MISSING) and null otherwise (DEPOSIT_WITHOUT_DEPOSIT_MODE)',
    }),
  max_bookings_per_day: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .nullable()
    .openapi({
      description:
        "The most active bookings of this service on one local day (provider's zone); more is " +
        '409 LIMIT_REACHED (SERVICE_PER_DAY) and full days offer no slots. null: no limit',
      example: 3,
    }),
  max_bookings_per_week: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .nullable()
    .openapi({
      description:
        "The most active bookings of this service in one local ISO week (Monday to Sunday, provider's " +
        'zone); more is 409 LIMIT_REACHED (SERVICE_PER_WEEK). null: no limit',
      example: 10,
    }),
};

/** name and duration_minutes are required; the rest take the table defaults. */
export const CreateServiceBody = z
  .strictObject({
    ...serviceFields,
    price: serviceFields.price.optional(),
    currency: serviceFields.currency.optional(),
    buffer_time_minutes: serviceFields.buffer_time_minutes.optional(),
    max_advance_days: serviceFields.max_advance_days.optional(),
    cancellation_hours: serviceFields.cancellation_hours.optional(),
    requires_approval: serviceFields.requires_approval.default(false),
    min_notice_minutes: serviceFields.min_notice_minutes.default(0),
    slot_interval_minutes: serviceFields.slot_interval_minutes.optional(),
    is_virtual: serviceFields.is_virtual.optional(),
    is_active: serviceFields.is_active.optional(),
    payment_mode: serviceFields.payment_mode.optional(),
    deposit_amount: serviceFields.deposit_amount.optional(),
    max_bookings_per_day: serviceFields.max_bookings_per_day.optional(),
    max_bookings_per_week: serviceFields.max_bookings_per_week.optional(),
  })
  .openapi('CreateService');

export const UpdateServiceBody = z.strictObject(serviceFields).partial().openapi('UpdateService');
