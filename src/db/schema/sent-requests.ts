// Where each approval request DM went, so every copy can be edited once the request is decided.
import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Platform } from '../../domain/platforms.ts';
import { appointments } from './appointments.ts';

/**
 * One sent copy of an approval request: the platform's own reference to the message (Telegram
 * chat id and message_id, Slack channel and ts, Discord channel and message id, web user and
 * inbox seq). `settled_at` is set once the copy shows the outcome, or could not be edited.
 */
export const sentRequests = pgTable(
  'sent_requests',
  {
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'cascade' }),
    platform: text('platform').$type<Platform>().notNull(),
    address: text('address').notNull(),
    messageId: text('message_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.platform, t.address, t.messageId] }),
    index('sent_requests_appointment_idx').on(t.appointmentId),
  ],
);
