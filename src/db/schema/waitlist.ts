// Waitlists: a client waiting for a time to open, and the offers made to them in line order.
import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { appointments } from './appointments.ts';
import { clients } from './clients.ts';
import { providers, services } from './providers.ts';

export const waitlistEntries = pgTable(
  'waitlist_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'restrict' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'restrict' }),
    // Local dates (inclusive) and part of the day, on the wall clock of `timezone` (the client's).
    timezone: text('timezone').notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
    partOfDay: text('part_of_day', { enum: ['ANY', 'MORNING', 'AFTERNOON', 'EVENING'] })
      .notNull()
      .default('ANY'),
    status: text('status', { enum: ['WAITING', 'BOOKED', 'REMOVED', 'EXPIRED'] })
      .notNull()
      .default('WAITING'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Line order: the provider's waiting entries, oldest first.
    index('waitlist_entries_line_idx')
      .on(t.providerId, t.createdAt)
      .where(sql`${t.status} = 'WAITING'`),
    index('waitlist_entries_client_idx').on(t.clientId),
    check(
      'waitlist_entries_dates_check',
      sql`${t.toDate} >= ${t.fromDate} and ${t.toDate} - ${t.fromDate} <= 62`,
    ),
    check(
      'waitlist_entries_part_check',
      sql`${t.partOfDay} in ('ANY', 'MORNING', 'AFTERNOON', 'EVENING')`,
    ),
    check(
      'waitlist_entries_status_check',
      sql`${t.status} in ('WAITING', 'BOOKED', 'REMOVED', 'EXPIRED')`,
    ),
  ],
);

export const waitlistOffers = pgTable(
  'waitlist_offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => waitlistEntries.id, { onDelete: 'restrict' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'restrict' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'restrict' }),
    // The reserved range, as an appointment would block it: [start_time, blocked_until).
    startTime: timestamp('start_time', { withTimezone: true }).notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['OPEN', 'ACCEPTED', 'PASSED', 'EXPIRED', 'WITHDRAWN'] })
      .notNull()
      .default('OPEN'),
    appointmentId: uuid('appointment_id').references(() => appointments.id, {
      onDelete: 'restrict',
    }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    // One open offer per entry at a time.
    uniqueIndex('waitlist_offers_one_open_idx').on(t.entryId).where(sql`${t.status} = 'OPEN'`),
    index('waitlist_offers_open_idx')
      .on(t.providerId, t.expiresAt)
      .where(sql`${t.status} = 'OPEN'`),
    index('waitlist_offers_entry_idx').on(t.entryId, t.startTime),
    check('waitlist_offers_range_check', sql`${t.blockedUntil} > ${t.startTime}`),
    check(
      'waitlist_offers_status_check',
      sql`${t.status} in ('OPEN', 'ACCEPTED', 'PASSED', 'EXPIRED', 'WITHDRAWN')`,
    ),
    check(
      'waitlist_offers_accepted_check',
      sql`(${t.status} = 'ACCEPTED') = (${t.appointmentId} is not null)`,
    ),
  ],
);
