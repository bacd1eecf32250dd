// Clients: the people who book.
import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const clients = pgTable(
  'clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    email: text('email'),
    timezone: text('timezone').notNull(),
    noShowCount: integer('no_show_count').notNull().default(0),
    noShowLockoutUntil: timestamp('no_show_lockout_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('clients_no_show_count_check', sql`${t.noShowCount} >= 0`)],
);
