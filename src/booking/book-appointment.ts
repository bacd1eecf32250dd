// Books an appointment: lock, check, insert, commit. The one place the no-double-booking rule lives.

import type { Database, Tx } from '../db/database.ts';
import { appointments } from '../db/schema/appointments.ts';
import type { Appointment } from '../domain/appointment.ts';
import type {
  IdempotencyKeyReused,
  NoShowLockout,
  NotFound,
  Ok,
  SlotTaken,
  SlotUnavailable,
} from '../domain/outcome.ts';
import { notFound } from '../domain/outcome.ts';
import { contextWindowAround } from './context-window.ts';
import { decideBooking, initialStatus } from './decide-booking.ts';
import { claimIdempotencyKey, hashRequest, saveIdempotencyKey } from './idempotency.ts';
import { loadBookingContext } from './load-booking-context.ts';
import { lockProvider } from './lock-provider.ts';
import { readAppointment } from './read-appointment.ts';
import { recordAppointmentEvent } from './record-appointment-event.ts';
import { isExclusionViolation, StoreError } from './store-errors.ts';

export type BookingRequest = {
  readonly providerId: string;
  readonly serviceId: string;
  readonly clientId: string;
  readonly startTime: Date;
  readonly notes: string | null;
  /** Same key and same request within 24 h returns the first outcome instead of booking again. */
  readonly idempotencyKey: string;
  /** Who is booking, for the event log: 'client:<id>', 'admin', ... */
  readonly actor: string;
};

export type BookingResult =
  | Ok<{ readonly appointment: Appointment; readonly replayed: boolean }>
  | NotFound
  | SlotTaken
  | SlotUnavailable
  | NoShowLockout
  | IdempotencyKeyReused;

const SCOPE = 'booking';

/**
 * Books `request.startTime` if and only if the slot engine would offer it at `now` and the client
 * is not locked out. Invariant: no two PENDING/CONFIRMED appointments of a provider ever overlap,
 * including buffers; the provider lock serialises the check and the insert, and the exclusion
 * constraint refuses anything that slips past (reported as SLOT_TAKEN). Throws StoreError only for
 * faults (connection lost, bugs); every expected outcome is a value.
 */
export async function bookAppointment(
  db: Database,
  request: BookingRequest,
  now: Date,
): Promise<BookingResult> {
  try {
    return await db.transaction(async (tx) => {
      const hash = hashRequest(bookingFields(request));
      const key = await claimIdempotencyKey(tx, SCOPE, request.idempotencyKey, hash, now);
      if (key.kind === 'reused') return { ok: false, code: 'IDEMPOTENCY_KEY_REUSED' } as const;
      if (key.kind === 'replay') return replay(tx, String(key.outcome.body.appointment_id));

      await lockProvider(tx, request.providerId);
      const context = await loadBookingContext(tx, {
        ...request,
        ...contextWindowAround(request.startTime),
        excludeAppointmentId: null,
      });
      if (!context.ok) return context;
      if (!context.provider.isActive) return notFound('provider');
      if (!context.service.isActive) return notFound('service');
      if (!context.client) return notFound('client');
      const decision = decideBooking({
        ...context,
        client: context.client,
        start: request.startTime,
        now,
      });
      if (!decision.ok) return decision;

      const [appointment] = await tx
        .insert(appointments)
        .values({
          ...decision.value,
          providerId: request.providerId,
          clientId: request.clientId,
          serviceId: request.serviceId,
          status: initialStatus(context.service),
          notes: request.notes,
          price: context.service.price,
          currency: context.service.currency,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!appointment) throw new StoreError('insert returned no row');
      await recordAppointmentEvent(tx, {
        appointmentId: appointment.id,
        type: 'BOOKED',
        actor: request.actor,
        fromStatus: null,
        toStatus: appointment.status,
        payload: { start_time: appointment.startTime.toISOString() },
        at: now,
      });
      await saveIdempotencyKey(tx, {
        scope: SCOPE,
        key: request.idempotencyKey,
        requestHash: hash,
        outcome: { status: 201, body: { appointment_id: appointment.id } },
        now,
      });
      return { ok: true, value: { appointment, replayed: false } } as const;
    });
  } catch (error) {
    if (isExclusionViolation(error)) return { ok: false, code: 'SLOT_TAKEN' };
    throw new StoreError('booking failed', { cause: error });
  }
}

function bookingFields(r: BookingRequest): unknown[] {
  return [r.providerId, r.serviceId, r.clientId, r.startTime.toISOString(), r.notes];
}

async function replay(tx: Tx, appointmentId: string): Promise<BookingResult> {
  const appointment = await readAppointment(tx, appointmentId);
  if (!appointment) return notFound('appointment');
  return { ok: true, value: { appointment, replayed: true } };
}
