// Money that moved for an appointment: payments in, refunds out, and the processor's events seen.
import { sql } from 'drizzle-orm';
import {
  char,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  PAYMENT_METHODS,
  PAYMENT_STATES,
  type PaymentMethod,
  type PaymentState,
  REFUND_REASONS,
  REFUND_STATES,
  type RefundReason,
  type RefundState,
} from '../../domain/payment.ts';
import { sqlStringList } from '../sql-string-list.ts';
import { appointments } from './appointments.ts';

/**
 * One way the client was asked to pay (a Stripe Checkout Session, a Telegram invoice) and what
 * became of it. Amounts are Slotline's minor units in the appointment's currency. A processor
 * reference is unique, so a redelivered webhook or update can never record a payment twice.
 */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'restrict' }),
    method: text('method').$type<PaymentMethod>().notNull(),
    state: text('state').$type<PaymentState>().notNull(),
    amount: integer('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    // Stripe Checkout Session id (cs_...); null for a Telegram invoice.
    checkoutSessionId: text('checkout_session_id'),
    checkoutUrl: text('checkout_url'),
    // What a refund needs: the PaymentIntent (Checkout) or the provider's charge id (Telegram).
    paymentIntentId: text('payment_intent_id'),
    chargeId: text('charge_id'),
    // Telegram's own id for a successful payment; the duplicate guard for repeated updates.
    telegramChargeId: text('telegram_charge_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
  },
  (t) => [
    index('payments_appointment_idx').on(t.appointmentId),
    uniqueIndex('payments_checkout_session_idx').on(t.checkoutSessionId),
    uniqueIndex('payments_telegram_charge_idx').on(t.telegramChargeId),
    check('payments_method_check', sql`${t.method} in (${sqlStringList(PAYMENT_METHODS)})`),
    check('payments_state_check', sql`${t.state} in (${sqlStringList(PAYMENT_STATES)})`),
    check('payments_amount_check', sql`${t.amount} > 0`),
    check('payments_paid_check', sql`(${t.state} = 'PAID') = (${t.paidAt} is not null)`),
  ],
);

/**
 * Money owed back for one payment (always all of it: a cancellation, a decline or a payment that
 * came after its hold lapsed). The row is written in the transaction that decides the refund; a
 * job then asks the processor with an idempotency key derived from the row's id, outside any
 * transaction, and records REFUNDED or REFUND_FAILED.
 */
export const refunds = pgTable(
  'refunds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id, { onDelete: 'restrict' }),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id, { onDelete: 'restrict' }),
    reason: text('reason').$type<RefundReason>().notNull(),
    state: text('state').$type<RefundState>().notNull(),
    amount: integer('amount').notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    processorRefundId: text('processor_refund_id'),
    failure: text('failure'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    settledAt: timestamp('settled_at', { withTimezone: true }),
  },
  (t) => [
    index('refunds_appointment_idx').on(t.appointmentId),
    // One refund per payment: a second decision cannot pay the client back twice.
    uniqueIndex('refunds_payment_idx').on(t.paymentId),
    check('refunds_reason_check', sql`${t.reason} in (${sqlStringList(REFUND_REASONS)})`),
    check('refunds_state_check', sql`${t.state} in (${sqlStringList(REFUND_STATES)})`),
    check('refunds_amount_check', sql`${t.amount} > 0`),
  ],
);

/** Processor webhook events already acted on, by their id: a redelivery is answered and skipped. */
export const paymentWebhookEvents = pgTable('payment_webhook_events', {
  eventId: text('event_id').primaryKey(),
  type: text('type').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
});
