// The outbox relay's cursor: the last appointment_events id whose jobs are enqueued.
import { bigint, pgTable, text } from 'drizzle-orm/pg-core';

/** One row per relay (name 'appointment-events'); locked FOR UPDATE while a batch is relayed. */
export const outboxCursor = pgTable('outbox_cursor', {
  name: text('name').primaryKey(),
  lastEventId: bigint('last_event_id', { mode: 'number' }).notNull().default(0),
});
