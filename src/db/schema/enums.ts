// PostgreSQL enum types shared by the tables.
import { pgEnum } from 'drizzle-orm/pg-core';
import { CALENDAR_KINDS, OVERRIDE_SOURCES } from '../../domain/calendar-kinds.ts';

export const providerType = pgEnum('provider_type', [
  'DOCTOR',
  'CONSULTANT',
  'TRAINER',
  'THERAPIST',
]);
export const appointmentStatus = pgEnum('appointment_status', [
  'PENDING',
  'CONFIRMED',
  'CANCELLED',
  'COMPLETED',
  'NO_SHOW',
]);
export const overrideSource = pgEnum('override_source', OVERRIDE_SOURCES);
export const calendarType = pgEnum('calendar_type', CALENDAR_KINDS);
export const partyRole = pgEnum('party_role', ['CLIENT', 'PROVIDER']);
export const refundStatus = pgEnum('refund_status', ['NONE', 'REFUND_DUE', 'NO_REFUND']);
