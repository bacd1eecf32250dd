// Providers and the services they offer.
import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { paymentMode, providerType } from './enums.ts';

export const providers = pgTable(
  'providers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: text('user_id'),
    name: text('name').notNull(),
    type: providerType('type').notNull(),
    timezone: text('timezone').notNull(),
    bio: text('bio'),
    photoUrl: text('photo_url'),
    email: text('email'),
    isActive: boolean('is_active').notNull().default(true),
    // The language mail and DMs to this provider go in (as for clients); null: DEFAULT_LANGUAGE.
    language: text('language'),
    // At most this many active future bookings of one client with this provider; null: no limit.
    maxActiveBookingsPerClient: integer('max_active_bookings_per_client'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('providers_language_check', sql`${t.language} ~ '^[a-z]{2,3}$'`),
    check(
      'providers_max_active_per_client_check',
      sql`${t.maxActiveBookingsPerClient} is null or ${t.maxActiveBookingsPerClient} between 1 and 1000`,
    ),
  ],
);

export const services = pgTable(
  'services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    price: integer('price').notNull().default(0),
    currency: char('currency', { length: 3 }).notNull().default('EUR'),
    paymentMode: paymentMode('payment_mode').notNull().default('NONE'),
    depositAmount: integer('deposit_amount'),
    bufferTimeMinutes: integer('buffer_time_minutes').notNull().default(0),
    maxAdvanceDays: integer('max_advance_days').notNull().default(60),
    cancellationHours: integer('cancellation_hours').notNull().default(24),
    requiresApproval: boolean('requires_approval').notNull().default(false),
    minNoticeMinutes: integer('min_notice_minutes').notNull().default(0),
    slotIntervalMinutes: integer('slot_interval_minutes'),
    isVirtual: boolean('is_virtual').notNull().default(false),
    // At most this many active bookings of the service per provider-local day / ISO week; null: none.
    maxBookingsPerDay: integer('max_bookings_per_day'),
    maxBookingsPerWeek: integer('max_bookings_per_week'),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('services_provider_idx').on(t.providerId),
    check('services_duration_check', sql`${t.durationMinutes} between 1 and 1440`),
    check('services_price_check', sql`${t.price} >= 0`),
    // A deposit is part of the price; a paid mode needs something to pay.
    check(
      'services_deposit_check',
      sql`(${t.paymentMode} = 'DEPOSIT') = (${t.depositAmount} is not null) and (${t.depositAmount} is null or ${t.depositAmount} between 1 and ${t.price})`,
    ),
    check('services_paid_price_check', sql`${t.paymentMode} = 'NONE' or ${t.price} > 0`),
    check('services_buffer_check', sql`${t.bufferTimeMinutes} between 0 and 1440`),
    check('services_max_advance_check', sql`${t.maxAdvanceDays} between 1 and 3650`),
    check('services_cancellation_check', sql`${t.cancellationHours} >= 0`),
    check('services_min_notice_check', sql`${t.minNoticeMinutes} >= 0`),
    check(
      'services_max_per_day_check',
      sql`${t.maxBookingsPerDay} is null or ${t.maxBookingsPerDay} between 1 and 1000`,
    ),
    check(
      'services_max_per_week_check',
      sql`${t.maxBookingsPerWeek} is null or ${t.maxBookingsPerWeek} between 1 and 10000`,
    ),
    check(
      'services_slot_interval_check',
      sql`${t.slotIntervalMinutes} is null or ${t.slotIntervalMinutes} between 1 and 1440`,
    ),
  ],
);
