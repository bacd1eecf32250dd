// Appointments and their append-only event log (the outbox for notifications and calendars).
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  char,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { APPOINTMENT_EVENT_TYPES } from '../../domain/appointment-event-types.ts';
import { sqlStringList } from '../sql-string-list.ts';
import { clients } from './clients.ts';
import { appointmentStatus, partyRole, refundStatus } from './enums.ts';
import { providers, services } from './providers.ts';
import { appointmentSeries } from './series.ts';

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    providerId: uuid('provider_id')
      .notNull()
      .references(() => providers.id, { onDelete: 'restrict' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'restrict' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => services.id, { onDelete: 'restrict' }),
    startTime: timestamp('start_time', { withTimezone: true }).notNull(),
    endTime: timestamp('end_time', { withTimezone: true }).notNull(),
    // end_time plus the service buffer at booking time: the range the exclusion constraint guards.
    blockedUntil: timestamp('blocked_until', { withTimezone: true }).notNull(),
    status: appointmentStatus('status').notNull(),
    notes: text('notes'),
    meetingLink: text('meeting_link'),
    price: integer('price').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    // The deposit or price in effect at booking: what the client pays up front.
    amountDue: integer('amount_due').notNull().default(0),
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    refundStatus: refundStatus('refund_status').notNull().default('NONE'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: partyRole('cancelled_by'),
    cancellationReason: text('cancellation_reason'),
    externalEventId: text('external_event_id'),
    // The weekly series this is an occurrence of; null for a single booking.
    seriesId: uuid('series_id').references((): AnyPgColumn => appointmentSeries.id, {
      onDelete: 'restrict',
    }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointments_provider_start_idx').on(t.providerId, t.startTime),
    index('appointments_client_start_idx').on(t.clientId, t.startTime),
    index('appointments_series_idx').on(t.seriesId).where(sql`${t.seriesId} is not null`),
    // The hold sweep's search: only unpaid holds, by their end.
    index('appointments_hold_idx').on(t.holdExpiresAt).where(sql`${t.status} = 'AWAITING_PAYMENT'`),
    check('appointments_range_check', sql`${t.endTime} > ${t.startTime}`),
    check('appointments_blocked_check', sql`${t.blockedUntil} >= ${t.endTime}`),
    check('appointments_price_check', sql`${t.price} >= 0`),
    check('appointments_amount_due_check', sql`${t.amountDue} between 0 and ${t.price}`),
    check(
      'appointments_hold_check',
      sql`(${t.status} = 'AWAITING_PAYMENT') = (${t.holdExpiresAt} is not null)`,
    ),
    check(
      'appointments_cancel_check',
      sql`(${t.status} = 'CANCELLED') = (${t.cancelledAt} is not null and ${t.cancelledBy} is not null)`,
    ),
  ],
);

export const appointmentEvents = pgTable(
  'appointment_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'restrict' }),
    type: text('type').notNull(),
    actor: text('actor').notNull(),
    fromStatus: appointmentStatus('from_status'),
    toStatus: appointmentStatus('to_status').notNull(),
    payload: jsonb('payload').notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointment_events_appointment_idx').on(t.appointmentId, t.id),
    // The registry's list, so the log can only hold types every plan handles. The names are our
    // own upper-case constants, safe to inline as SQL literals.
    check(
      'appointment_events_type_check',
      sql`${t.type} in (${sqlStringList(APPOINTMENT_EVENT_TYPES)})`,
    ),
  ],
);
