// Recurring appointments as the core sees them: what a series asks for, the stored series, each occurrence's verdict.
import type { TimeRefused } from '../booking/decide-booking.ts';
import type { Appointment } from '../domain/appointment.ts';

/** Occurrences a series may have, and weeks between them: the table's checks say the same. */
export const SERIES_LIMITS = {
  minOccurrences: 1,
  maxOccurrences: 52,
  minIntervalWeeks: 1,
  maxIntervalWeeks: 4,
} as const;

/**
 * A weekly series: `occurrences` appointments, `intervalWeeks` apart, the first at `firstStart`.
 * Every occurrence keeps firstStart's wall-clock weekday and time in `timezone` (the client's
 * zone in chat, the provider's by default over REST), so 10:00 stays 10:00 across DST.
 */
export type SeriesInput = {
  readonly providerId: string;
  readonly serviceId: string;
  readonly clientId: string;
  readonly firstStart: Date;
  readonly timezone: string;
  readonly occurrences: number;
  readonly intervalWeeks: number;
};

/** A series booking request: the series plus what a single booking carries. */
export type SeriesRequest = SeriesInput & {
  readonly notes: string | null;
  /** Same key and same request within 24 h returns the same series instead of booking again. */
  readonly idempotencyKey: string;
  /** Who is booking: 'client:<id>', 'admin', ... Keys are scoped to the actor. */
  readonly actor: string;
  /** As BookingRequest.paymentHoldMinutes: each paid occurrence starts as an unpaid hold. */
  readonly paymentHoldMinutes: number | null;
};

/** The stored series (appointment_series row). */
export type Series = {
  readonly id: string;
  readonly providerId: string;
  readonly serviceId: string;
  readonly clientId: string;
  readonly timezone: string;
  /** 'YYYY-MM-DD': the first occurrence's local date in `timezone`. */
  readonly firstDate: string;
  /** 'HH:MM': the wall-clock time every occurrence keeps in `timezone`. */
  readonly localTime: string;
  readonly intervalWeeks: number;
  readonly occurrences: number;
  readonly createdBy: string;
  readonly cancelledAt: Date | null;
  readonly createdAt: Date;
};

/** One planned occurrence and whether it can be booked (as if the earlier free ones were). */
export type SeriesOccurrence = {
  readonly start: Date;
  readonly verdict: { readonly ok: true } | TimeRefused;
};

/** Some occurrences cannot be booked: each planned occurrence with its verdict. */
export type SeriesConflict = {
  readonly ok: false;
  readonly code: 'SERIES_CONFLICT';
  readonly occurrences: readonly SeriesOccurrence[];
};

/** A booked series: its appointments in start order and the occurrences left out. */
export type BookedSeries = {
  readonly series: Series;
  readonly appointments: readonly Appointment[];
  readonly skipped: readonly SeriesOccurrence[];
  readonly replayed: boolean;
};
