// The booking-context statement's one row: its JSON shape, checked once and mapped to domain types.
import { z } from 'zod';
import type { AvailabilityOverride, Interval, WeeklyWindow } from '../slots/slot-types.ts';
import { clientJson, isoInstant, providerJson, serviceJson } from './catalog-row-json.ts';

/** PostgreSQL's time type 'HH:MM:SS' as the engine's 'HH:MM'. */
const localTime = z.string().transform((time) => time.slice(0, 5));

const weekly = z
  .object({ day_of_week: z.number(), start_time: localTime, end_time: localTime })
  .transform(
    (w): WeeklyWindow => ({
      dayOfWeek: w.day_of_week,
      startTime: w.start_time,
      endTime: w.end_time,
    }),
  );

const override = z
  .object({
    date: z.string(),
    start_time: localTime.nullable(),
    end_time: localTime.nullable(),
    is_blocked: z.boolean(),
  })
  .transform(
    (o): AvailabilityOverride => ({
      date: o.date,
      startTime: o.start_time,
      endTime: o.end_time,
      isBlocked: o.is_blocked,
    }),
  );

const isPairList = (value: unknown): value is [number, number][] =>
  Array.isArray(value) &&
  value.every(
    (pair) =>
      Array.isArray(pair) &&
      pair.length === 2 &&
      typeof pair[0] === 'number' &&
      typeof pair[1] === 'number',
  );

/**
 * [start, blocked_until) in epoch ms, as pairs to keep the JSON small. Checked by hand: a busy
 * calendar has hundreds, and a zod tuple per pair cost a 62-day slot request a quarter millisecond.
 */
const busyList = z
  .custom<[number, number][]>(isPairList, 'busy: expected [start, end] number pairs')
  .transform((pairs): Interval[] => pairs.map(([start, end]) => ({ start, end })));

const storedKey = z
  .object({ request_hash: z.string(), appointment_id: z.string(), expires_at: isoInstant })
  .transform((k) => ({
    requestHash: k.request_hash,
    appointmentId: k.appointment_id,
    expiresAt: k.expires_at,
  }));

/** An idempotency record as judgeKey reads it: the request it answered, its appointment, its end. */
export type StoredKey = Readonly<z.output<typeof storedKey>>;

/** One parse per statement; a column the SQL and this schema disagree on throws here. */
const contextRow = z.object({
  provider: providerJson,
  service: serviceJson.nullable(),
  client: clientJson.nullable(),
  weekly: z.array(weekly),
  overrides: z.array(override),
  busy: busyList,
  offers: busyList,
  stored_key: storedKey.nullable(),
  service_starts: z.array(z.number()),
  client_active: z.number(),
});

/**
 * The row with open waitlist offers merged into the busy times: the engine treats a time held
 * for another client exactly like an appointment.
 */
export const bookingContextRow = contextRow.transform(({ offers, ...row }) => ({
  ...row,
  busy: offers.length === 0 ? row.busy : [...row.busy, ...offers],
}));
