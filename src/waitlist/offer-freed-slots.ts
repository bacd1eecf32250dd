// Offers freed times to the people waiting for them, first in line first.

import { loadBookingContext } from '../booking/load-booking-context.ts';
import { lockProviderOn } from '../booking/lock-provider.ts';
import { slotsInContext } from '../booking/slots-in-context.ts';
import type { Database } from '../db/database.ts';
import { type SqlClient, withPgTransaction } from '../db/pg-transaction.ts';
import { isUuid } from '../domain/is-uuid.ts';
import { formatEpochDay, parseLocalDate } from '../slots/local-date.ts';
import { DAY_MS, MINUTE_MS } from '../slots/time-units.ts';
import { closeBookedEntries } from './close-booked-entries.ts';
import { WaitlistStoreError } from './join-waitlist.ts';
import { slotSuits } from './part-of-day.ts';
import type { WaitlistEntry, WaitlistOffer } from './waitlist-entry.ts';
import {
  entriesInLine,
  expireLapsed,
  insertOffer,
  openOfferRanges,
  startsLetGo,
} from './waitlist-rows.ts';

type Range = { start: number; end: number };
type Found = { startTime: Date; blockedUntil: Date; expiresAt: Date };

/**
 * One round of the provider's line, under the provider lock (the booking path's), every read on
 * the locked connection: ends lapsed offers and entries past their dates (expireLapsed) and the
 * waiting of people who booked those days themselves (closeBookedEntries), then
 * walks the WAITING entries without an OPEN offer in line order and offers each the earliest
 * slot that the booking core would let its client book (limits included), that suits its dates
 * and part of the day, that it has not passed or let expire before, and that overlaps no OPEN
 * offer (made earlier or in this walk): each freed slot goes to the first in line only.
 * An offer reserves [start, start + duration + buffer) until the earlier of now + offerMinutes
 * and start - min notice (after that the client could not book it anyway); a slot with less
 * than a minute left before that point is not offered. Returns the offers made, for the DMs.
 * Safe to run any number of times from any instance. Throws WaitlistStoreError on a fault.
 */
export async function offerFreedSlots(
  db: Database,
  input: { readonly providerId: string; readonly offerMinutes: number },
  now: Date,
): Promise<WaitlistOffer[]> {
  if (!isUuid(input.providerId)) return [];
  try {
    return await withPgTransaction(db.$client, async (client) => {
      await lockProviderOn(client, input.providerId);
      await expireLapsed(client, input.providerId, now);
      await closeBookedEntries(client, input.providerId, now);
      const taken = await openOfferRanges(client, input.providerId);
      const made: WaitlistOffer[] = [];
      for (const entry of await entriesInLine(client, input.providerId)) {
        const found = await earliestSlotFor(client, entry, { taken, now, ...input });
        if (!found) continue;
        made.push(await insertOffer(client, { entry, ...found }, now));
        taken.push({ start: found.startTime.getTime(), end: found.blockedUntil.getTime() });
      }
      return made;
    });
  } catch (error) {
    throw new WaitlistStoreError('offering freed slots failed', { cause: error });
  }
}

/** The slot to offer `entry`, or null when none suits (or its provider or service is inactive). */
async function earliestSlotFor(
  client: SqlClient,
  entry: WaitlistEntry,
  walk: { readonly taken: readonly Range[]; readonly now: Date; readonly offerMinutes: number },
): Promise<Found | null> {
  // The entry's dates are in its client's zone; two provider days either side cover every pair
  // of zones (they differ by at most 26 hours). slotSuits then keeps the entry's own dates.
  const from = parseLocalDate(entry.fromDate) - 2;
  const to = parseLocalDate(entry.toDate) + 2;
  const context = await loadBookingContext(client, {
    providerId: entry.providerId,
    serviceId: entry.serviceId,
    clientId: entry.clientId,
    fromDate: formatEpochDay(from - 1),
    toDate: formatEpochDay(to + 1),
    rangeStart: new Date((from - 2) * DAY_MS),
    rangeEnd: new Date((to + 3) * DAY_MS),
    excludeAppointmentId: null,
    idempotency: null,
    now: walk.now,
  });
  if (!context.ok || !context.client) return null;
  if (!context.provider.isActive || !context.service.isActive) return null;
  const letGo = await startsLetGo(client, entry.id);
  const buffer = context.service.bufferTimeMinutes * MINUTE_MS;
  const notice = context.service.minNoticeMinutes * MINUTE_MS;
  const now = walk.now.getTime();
  const range = { from: formatEpochDay(from), days: to - from + 1 };
  for (const slot of slotsInContext(context, range, walk.now)) {
    const end = slot.end + buffer;
    if (!slotSuits(slot.start, entry) || letGo.has(slot.start)) continue;
    if (walk.taken.some((r) => r.start < end && slot.start < r.end)) continue;
    const expiresAt = Math.min(now + walk.offerMinutes * MINUTE_MS, slot.start - notice);
    if (expiresAt - now < MINUTE_MS) continue;
    return {
      startTime: new Date(slot.start),
      blockedUntil: new Date(end),
      expiresAt: new Date(expiresAt),
    };
  }
  return null;
}
