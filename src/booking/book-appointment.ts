// Books an appointment: lock, check, insert, commit. The one place the no-double-booking rule lives.
import type { Database } from '../db/database.ts';
import { withPgTransactionTryingLocks } from '../db/pg-transaction.ts';
import type { Appointment } from '../domain/appointment.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { IdempotencyKeyReused, NotFound, Ok } from '../domain/outcome.ts';
import { notFound } from '../domain/outcome.ts';
import { contextWindowAround } from './context-window.ts';
import { decideInContext, openingTerms, type TimeRefused } from './decide-booking.ts';
import { hashRequest, judgeKey } from './idempotency.ts';
import { insertBooking } from './insert-booking.ts';
import { bookingContextFrom, bookingContextRead } from './load-booking-context.ts';
import { type KeyReplay, readKeyReplay } from './read-key-replay.ts';
import { isExclusionViolation, StoreError } from './store-errors.ts';
import { waitOrRefuse } from './wait-or-refuse.ts';

export type BookingRequest = {
  readonly providerId: string;
  readonly serviceId: string;
  readonly clientId: string;
  readonly startTime: Date;
  readonly notes: string | null;
  /** Same key and same request within 24 h returns the first outcome instead of booking again. */
  readonly idempotencyKey: string;
  /** Who is booking: 'client:<id>', 'admin', ... Keys are scoped to the actor. */
  readonly actor: string;
  /**
   * PAYMENT_HOLD_MINUTES when payments are on: a paid service's booking is then held unpaid
   * (AWAITING_PAYMENT) this long. Null: payments are off and every service books as free.
   */
  readonly paymentHoldMinutes: number | null;
};

export type BookingResult =
  | Ok<{ readonly appointment: Appointment; readonly replayed: boolean }>
  | NotFound
  | TimeRefused
  | IdempotencyKeyReused;

/**
 * Books `request.startTime` if and only if the slot engine would offer it at `now` and the client
 * is not locked out. Invariant: no two PENDING/CONFIRMED appointments of a provider ever overlap,
 * buffers included. The provider lock serialises check and insert; the exclusion constraint
 * refuses anything that slips past, reported as SLOT_TAKEN. A paid service's booking starts as an
 * unpaid hold (see openingTerms), which takes its time like any active appointment. A request that finds the provider's
 * lock taken is judged on committed data first (waitOrRefuse): the losers of a contended slot
 * learn SLOT_TAKEN without queueing. A replayed key returns the
 * appointment as it is now. Inside the locked transaction every read uses the transaction's own
 * connection, so any number of concurrent retries cannot exhaust the pool while holding locks
 * (they queue on the key's lock, each a few milliseconds). Throws StoreError only for
 * faults (including a database timeout or a lost connection); expected outcomes are values.
 */
export async function bookAppointment(
  db: Database,
  request: BookingRequest,
  now: Date,
): Promise<BookingResult> {
  if (!isUuid(request.providerId)) return notFound('provider');
  if (!isUuid(request.serviceId)) return notFound('service');
  if (!isUuid(request.clientId)) return notFound('client');
  const idempotency = { scope: `booking:${request.actor}`, key: request.idempotencyKey };
  const requestHash = hashRequest(bookingFields(request));
  try {
    const query = {
      ...request,
      ...contextWindowAround(request.startTime),
      excludeAppointmentId: null,
      idempotency,
      now,
    };
    // Lock: the key's, then the provider's, always in that order (no two bookings wait for each
    // other in a cycle); requests carrying the same key run one after the other.
    const locks = [
      `idem:${idempotency.scope}:${idempotency.key}`,
      `provider:${request.providerId}`,
    ] as const;
    return await withPgTransactionTryingLocks(
      db.$client,
      locks,
      bookingContextRead(query),
      async (client, held, rows) => {
        const first = bookingContextFrom(rows);
        const locked = await waitOrRefuse(client, { held, locks, first }, query, requestHash, now);
        if (locked.refused) return locked.refused;
        // Check.
        const { context } = locked;
        if (!context.ok) return context;
        const key = judgeKey(context.storedKey, requestHash, now);
        if (key.kind === 'reused') return { ok: false, code: 'IDEMPOTENCY_KEY_REUSED' } as const;
        if (key.kind === 'replay') {
          // Committed while we waited for the lock: read it on this connection, never another.
          const stored = await readKeyReplay(client, idempotency.scope, idempotency.key);
          return (stored && replayOutcome(stored, requestHash, now)) ?? notFound('appointment');
        }
        const decision = decideInContext(context, request.startTime, now);
        if (!decision.ok) return decision;
        // Insert; the commit follows when this callback returns.
        const appointment = await insertBooking(
          client,
          {
            ...request,
            ...decision.value,
            ...openingTerms(context.service, request.paymentHoldMinutes, request.startTime, now),
            price: context.service.price,
            currency: context.service.currency,
            key: { ...idempotency, requestHash },
          },
          now,
        );
        return { ok: true, value: { appointment, replayed: false } } as const;
      },
    );
  } catch (error) {
    if (isExclusionViolation(error)) return { ok: false, code: 'SLOT_TAKEN' };
    throw new StoreError('booking failed', { cause: error });
  }
}

/** The answer a stored key gives this request, or null when the key is new (absent or expired). */
function replayOutcome(stored: KeyReplay, requestHash: string, now: Date): BookingResult | null {
  const verdict = judgeKey(stored.key, requestHash, now);
  if (verdict.kind === 'new') return null;
  if (verdict.kind === 'reused') return { ok: false, code: 'IDEMPOTENCY_KEY_REUSED' };
  // The key is only ever stored with its committed appointment.
  return stored.appointment
    ? { ok: true, value: { appointment: stored.appointment, replayed: true } }
    : notFound('appointment');
}

function bookingFields(r: BookingRequest): unknown[] {
  return [r.providerId, r.serviceId, r.clientId, r.startTime.toISOString(), r.notes];
}
