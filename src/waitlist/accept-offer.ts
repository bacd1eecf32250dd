// A client books the time a waitlist offer holds for them, through the one booking core.
import { type BookingResult, bookAppointment } from '../booking/book-appointment.ts';
import { readAppointment } from '../booking/read-appointment.ts';
import type { Database } from '../db/database.ts';
import { isUuid } from '../domain/is-uuid.ts';
import { type OfferEnded, offerEnded, type WaitlistOffer } from './waitlist-entry.ts';

export type AcceptRequest = {
  readonly offerId: string;
  readonly clientId: string;
  /** Who presses: 'client:<id>'; booking keys are scoped to it. */
  readonly actor: string;
  /** As bookAppointment's: PAYMENT_HOLD_MINUTES when payments are on, else null. */
  readonly paymentHoldMinutes: number | null;
};

/**
 * Books the offer's start for its client with bookAppointment, under the key
 * `waitlist-offer:<offerId>`, so a repeated press (from any chat) returns the same booking. The
 * booking core decides: while the offer is OPEN and unexpired its time is busy for everyone else,
 * so only this client can win it; after the offer lapsed the time may still be free (booked) or
 * taken (SLOT_TAKEN). Then, in a second short transaction, the offer becomes ACCEPTED with the
 * appointment and the entry BOOKED. OFFER_ENDED for an unknown offer, another client's, or one
 * PASSED or WITHDRAWN; an ACCEPTED one returns its appointment as replayed. Throws
 * StoreError (from the booking) or the database's error on a fault.
 */
export async function acceptOffer(
  db: Database,
  request: AcceptRequest,
  now: Date,
): Promise<BookingResult | OfferEnded> {
  const offer = await readOffer(db, request);
  if (!offer) return offerEnded;
  if (offer.status === 'PASSED' || offer.status === 'WITHDRAWN') return offerEnded;
  if (offer.status === 'ACCEPTED' && offer.appointmentId) {
    const appointment = await readAppointment(db, offer.appointmentId);
    return appointment ? { ok: true, value: { appointment, replayed: true } } : offerEnded;
  }
  const result = await bookAppointment(
    db,
    {
      providerId: offer.providerId,
      serviceId: offer.serviceId,
      clientId: offer.clientId,
      startTime: offer.startTime,
      notes: null,
      idempotencyKey: `waitlist-offer:${offer.id}`,
      actor: request.actor,
      paymentHoldMinutes: request.paymentHoldMinutes,
    },
    now,
  );
  if (result.ok) await markAccepted(db, offer, result.value.appointment.id, now);
  return result;
}

async function readOffer(db: Database, request: AcceptRequest): Promise<WaitlistOffer | null> {
  if (!isUuid(request.offerId) || !isUuid(request.clientId)) return null;
  const { rows } = await db.$client.query<WaitlistOffer>(
    `select id, entry_id as "entryId", client_id as "clientId", provider_id as "providerId",
        service_id as "serviceId", start_time as "startTime", blocked_until as "blockedUntil",
        expires_at as "expiresAt", status, appointment_id as "appointmentId",
        created_at as "createdAt", decided_at as "decidedAt"
      from waitlist_offers where id = $1 and client_id = $2`,
    [request.offerId, request.clientId],
  );
  return rows[0] ?? null;
}

/**
 * The offer ACCEPTED with its appointment (unless a leave withdrew it meanwhile: the booking
 * stands all the same) and its entry BOOKED: the client waits no more.
 */
async function markAccepted(
  db: Database,
  offer: WaitlistOffer,
  appointmentId: string,
  now: Date,
): Promise<void> {
  await db.$client.query(
    `with accepted as (
       update waitlist_offers set status = 'ACCEPTED', appointment_id = $2, decided_at = $3
        where id = $1 and status in ('OPEN', 'EXPIRED')
        returning entry_id)
     update waitlist_entries set status = 'BOOKED', updated_at = $3
      where id = $4 and status = 'WAITING'`,
    [offer.id, appointmentId, now, offer.entryId],
  );
}
