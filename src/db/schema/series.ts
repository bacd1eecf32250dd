// Recurring appointments: a weekly series whose occurrences are ordinary appointments.
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  time,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { clients } from './clients.ts';
import { providers, services } from './providers.ts';

export const appointmentSeries = pgTable(
  'appointment_series',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'restrict' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'restrict' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    // The zone whose wall clock the series keeps: 10:00 stays 10:00 across DST.
    timezone: text('timezone').notNull(),
    firstDate: date('first_date').notNull(),
    localTime: time('local_time').notNull(),
    // Every `intervalWeeks` weeks, `occurrences` times.
    intervalWeeks: integer('interval_weeks').notNull().default(1),
    occurrences: integer('occurrences').notNull(),
    createdBy: text('created_by').notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointment_series_client_idx').on(t.clientId),
    check('appointment_series_occurrences_check', sql`${t.occurrences} between 1 and 52`),
    check('appointment_series_interval_check', sql`${t.intervalWeeks} between 1 and 4`),
  ],
);
