// Weekly availability windows and one-day overrides, in the provider's local time.
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  pgTable,
  smallint,
  text,
  time,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { overrideSource } from './enums.ts';
import { providers } from './providers.ts';

export const availability = pgTable(
  'availability',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    dayOfWeek: smallint('day_of_week').notNull(),
    startTime: time('start_time').notNull(),
    endTime: time('end_time').notNull(),
    isActive: boolean('is_active').notNull().default(true),
  },
  (t) => [
    index('availability_provider_idx').on(t.providerId),
    check('availability_day_check', sql`${t.dayOfWeek} between 0 and 6`),
    check('availability_range_check', sql`${t.endTime} > ${t.startTime}`),
  ],
);

export const availabilityOverrides = pgTable(
  'availability_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    startTime: time('start_time'),
    endTime: time('end_time'),
    isBlocked: boolean('is_blocked').notNull(),
    source: overrideSource('source').notNull().default('MANUAL'),
    externalEventId: text('external_event_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('overrides_provider_date_idx').on(t.providerId, t.date),
    uniqueIndex('overrides_external_event_idx')
      .on(t.providerId, t.source, t.externalEventId, t.date)
      .where(sql`${t.externalEventId} is not null`),
    check('overrides_times_pair_check', sql`(${t.startTime} is null) = (${t.endTime} is null)`),
    check('overrides_range_check', sql`${t.endTime} is null or ${t.endTime} > ${t.startTime}`),
    check('overrides_extra_has_times_check', sql`${t.isBlocked} or ${t.startTime} is not null`),
  ],
);
