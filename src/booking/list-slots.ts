// Lists the bookable slots of a service over a range of the provider's local days.
import { DateTime } from 'luxon';
import type { Database } from '../db/database.ts';
import type { Service } from '../domain/catalog.ts';
import type { InvalidInput, NotFound, Ok } from '../domain/outcome.ts';
import { invalidInput, notFound } from '../domain/outcome.ts';
import { computeSlots } from '../slots/compute-slots.ts';
import type { Slot } from '../slots/slot-types.ts';
import { type ClosedDay, closedDays } from '../slots/why-no-slots.ts';
import { loadBookingContext } from './load-booking-context.ts';

/** The longest range one call may ask for. */
export const MAX_DAYS = 62;

export type SlotList = {
  readonly timezone: string;
  readonly service: Service;
  readonly slots: Slot[];
  /**
   * The dates of the range that offer no slot whatever the appointments, and why (past, within
   * notice, past max advance, blocked, no hours). A date with no slot that is not here is full.
   */
  readonly closed: ClosedDay[];
};

/**
 * The slots bookAppointment would accept at `now`, for `days` local days from `from`
 * ('YYYY-MM-DD' in the provider's zone). One database round trip; the engine does the rest.
 * NOT_FOUND when the provider or service is missing, inactive, or not the provider's;
 * VALIDATION_ERROR for a malformed date or days outside 1..62.
 */
export async function listSlots(
  db: Database,
  input: { providerId: string; serviceId: string; from: string; days: number },
  now: Date,
): Promise<Ok<SlotList> | NotFound | InvalidInput> {
  const start = DateTime.fromISO(input.from, { zone: 'UTC' });
  if (!start.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(input.from)) {
    return invalidInput('from must be a date, YYYY-MM-DD', { from: input.from });
  }
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_DAYS) {
    return invalidInput(`days must be a whole number from 1 to ${MAX_DAYS}`, { days: input.days });
  }
  const context = await loadBookingContext(db.$client, {
    providerId: input.providerId,
    serviceId: input.serviceId,
    clientId: null,
    fromDate: start.minus({ days: 1 }).toISODate() ?? input.from,
    toDate: start.plus({ days: input.days + 1 }).toISODate() ?? input.from,
    rangeStart: start.minus({ days: 2 }).toJSDate(),
    rangeEnd: start.plus({ days: input.days + 2 }).toJSDate(),
    excludeAppointmentId: null,
    idempotency: null,
  });
  if (!context.ok) return context;
  if (!context.provider.isActive) return notFound('provider');
  if (!context.service.isActive) return notFound('service');
  const { rules, busy } = context;
  const range = { from: input.from, days: input.days, now: now.getTime() };
  const slots = computeSlots({ rules, busy, ...range });
  const closed = closedDays(rules, range.from, range.days, range.now);
  return {
    ok: true,
    value: { timezone: context.provider.timezone, service: context.service, slots, closed },
  };
}
