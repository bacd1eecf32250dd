// PostgreSQL enum types shared by the tables.
import { pgEnum } from 'drizzle-orm/pg-core';
import { APPOINTMENT_STATUSES, REFUND_STATUSES } from '../../domain/appointment.ts';
import { CALENDAR_KINDS, OVERRIDE_SOURCES } from '../../domain/calendar-kinds.ts';
import { PAYMENT_MODES } from '../../domain/catalog.ts';

export const providerType = pgEnum('provider_type', [
  'DOCTOR',
  'CONSULTANT',
  'TRAINER',
  'THERAPIST',
]);
export const appointmentStatus = pgEnum('appointment_status', APPOINTMENT_STATUSES);
export const overrideSource = pgEnum('override_source', OVERRIDE_SOURCES);
export const calendarType = pgEnum('calendar_type', CALENDAR_KINDS);
export const partyRole = pgEnum('party_role', ['CLIENT', 'PROVIDER']);
export const refundStatus = pgEnum('refund_status', REFUND_STATUSES);
export const paymentMode = pgEnum('payment_mode', PAYMENT_MODES);
