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
    /**
     * Who set `timezone`: 'user' (the person, an admin through the API, or any row from before
     * this column) or 'hint' (a platform's guess: the browser's zone, Slack's profile tz). A hint
     * never replaces a 'user' zone.
     */
    timezoneSource: text('timezone_source', { enum: ['user', 'hint'] })
      .notNull()
      .default('user'),
    /**
     * The language mail and DMs to this client go in: what they chose, or their platform's last
     * hint. Null: none known yet, so DEFAULT_LANGUAGE.
     */
    language: text('language'),
    noShowCount: integer('no_show_count').notNull().default(0),
    noShowLockoutUntil: timestamp('no_show_lockout_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('clients_no_show_count_check', sql`${t.noShowCount} >= 0`),
    check('clients_timezone_source_check', sql`${t.timezoneSource} in ('user', 'hint')`),
    check('clients_language_check', sql`${t.language} ~ '^[a-z]{2,3}$'`),
  ],
);
