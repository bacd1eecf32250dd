// Every status transition, its refusals, and the refund and no-show policies, on real PostgreSQL.
import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { approveAppointment } from '../../src/booking/approve-appointment.ts';
import { bookAppointment } from '../../src/booking/book-appointment.ts';
import { cancelAppointment } from '../../src/booking/cancel-appointment.ts';
import { completeAppointment } from '../../src/booking/complete-appointment.ts';
import { declineAppointment } from '../../src/booking/decline-appointment.ts';
import { markNoShow } from '../../src/booking/mark-no-show.ts';
import { rescheduleAppointment } from '../../src/booking/reschedule-appointment.ts';
import { appointmentEvents } from '../../src/db/schema/appointments.ts';
import { clients } from '../../src/db/schema/clients.ts';
import { providers, services } from '../../src/db/schema/providers.ts';
import type { Appointment } from '../../src/domain/appointment.ts';
import { createFixture, type Fixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

const now = MONDAY_MORNING; // 2026-11-30 07:00 Berlin
const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

async function booked(f: Fixture, start: string): Promise<Appointment> {
  const r = await bookAppointment(
    t.db,
    {
      ...f,
      startTime: at(start),
      notes: null,
      idempotencyKey: randomUUID(),
      actor: 'admin',
      paymentHoldMinutes: null,
    },
    now,
  );
  if (!r.ok) throw new Error(`booking failed: ${r.code}`);
  return r.value.appointment;
}

async function eventsOf(id: string) {
  const rows = await t.db
    .select()
    .from(appointmentEvents)
    .where(eq(appointmentEvents.appointmentId, id))
    .orderBy(asc(appointmentEvents.id));
  return rows.map((e) => e.type);
}

describe('approve and decline', () => {
  it('approves a PENDING request once; a second approve is INVALID_TRANSITION', async () => {
    const f = await createFixture(t.db, { service: { requiresApproval: true } });
    const a = await booked(f, '2026-12-01T09:00:00+01:00');
    const r = await approveAppointment(t.db, { appointmentId: a.id, actor: 'provider:x' }, now);
    expect(r.ok && r.value.status).toBe('CONFIRMED');
    const again = await approveAppointment(t.db, { appointmentId: a.id, actor: 'provider:x' }, now);
    expect(again).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
      from: 'CONFIRMED',
      action: 'approve',
    });
    expect(await eventsOf(a.id)).toEqual(['BOOKED', 'APPROVED']);
  });

  it('declines with a reason, owes a refund and frees the slot', async () => {
    const f = await createFixture(t.db, { service: { requiresApproval: true } });
    const a = await booked(f, '2026-12-01T10:00:00+01:00');
    const r = await declineAppointment(
      t.db,
      { appointmentId: a.id, actor: 'provider:x', reason: 'On leave' },
      now,
    );
    expect(r.ok && r.value).toMatchObject({
      status: 'CANCELLED',
      cancelledBy: 'PROVIDER',
      cancellationReason: 'On leave',
      refundStatus: 'REFUND_DUE',
    });
    await expect(booked(f, '2026-12-01T10:00:00+01:00')).resolves.toMatchObject({
      status: 'PENDING',
    });
  });

  it('cannot approve or decline a CONFIRMED appointment', async () => {
    const f = await createFixture(t.db);
    const a = await booked(f, '2026-12-01T11:00:00+01:00');
    const d = await declineAppointment(
      t.db,
      { appointmentId: a.id, actor: 'p', reason: null },
      now,
    );
    expect(d).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', from: 'CONFIRMED' });
    const ap = await approveAppointment(t.db, { appointmentId: a.id, actor: 'p' }, now);
    expect(ap).toMatchObject({ ok: false, code: 'INVALID_TRANSITION' });
  });

  it('answers NOT_FOUND for an unknown appointment', async () => {
    const r = await approveAppointment(t.db, { appointmentId: randomUUID(), actor: 'p' }, now);
    expect(r).toEqual({ ok: false, code: 'NOT_FOUND', entity: 'appointment' });
  });
});

describe('cancellation policy', () => {
  // Service: cancellation_hours 24; appointment at 2026-12-02 09:00 Berlin (08:00Z).
  it.each([
    ['client, 25 h before', 'CLIENT', 25, 5000, 'REFUND_DUE'],
    ['client, exactly 24 h before', 'CLIENT', 24, 5000, 'REFUND_DUE'],
    ['client, 23 h before', 'CLIENT', 23, 5000, 'NO_REFUND'],
    ['provider, 1 h before', 'PROVIDER', 1, 5000, 'REFUND_DUE'],
    ['client of a free service', 'CLIENT', 48, 0, 'NONE'],
    ['provider of a free service', 'PROVIDER', 1, 0, 'NONE'],
  ] as const)('%s: %s', async (_label, by, hoursBefore, price, expected) => {
    const f = await createFixture(t.db, { service: { price, cancellationHours: 24 } });
    const a = await booked(f, '2026-12-02T09:00:00+01:00');
    const when = new Date(a.startTime.getTime() - hoursBefore * HOUR);
    const r = await cancelAppointment(
      t.db,
      { appointmentId: a.id, by, actor: 'x', reason: 'plans changed' },
      when,
    );
    expect(r.ok && r.value).toMatchObject({
      status: 'CANCELLED',
      cancelledBy: by,
      cancellationReason: 'plans changed',
      refundStatus: expected,
      cancelledAt: when,
    });
  });

  it('cancels PENDING too, and refuses to cancel twice', async () => {
    const f = await createFixture(t.db, { service: { requiresApproval: true } });
    const a = await booked(f, '2026-12-02T11:00:00+01:00');
    const first = await cancelAppointment(
      t.db,
      { appointmentId: a.id, by: 'CLIENT', actor: 'c', reason: null },
      now,
    );
    expect(first.ok).toBe(true);
    const second = await cancelAppointment(
      t.db,
      { appointmentId: a.id, by: 'CLIENT', actor: 'c', reason: null },
      now,
    );
    expect(second).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', from: 'CANCELLED' });
  });

  it('refuses to cancel once the appointment has started', async () => {
    const f = await createFixture(t.db);
    const a = await booked(f, '2026-12-02T15:00:00+01:00');
    const r = await cancelAppointment(
      t.db,
      { appointmentId: a.id, by: 'PROVIDER', actor: 'p', reason: null },
      a.startTime,
    );
    expect(r).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
      action: 'cancel',
      from: 'CONFIRMED',
    });
  });

  it('answers NOT_FOUND, not a fault, for malformed appointment ids', async () => {
    for (const id of ['not-a-uuid', '', "1' or '1'='1"]) {
      const c = await cancelAppointment(
        t.db,
        { appointmentId: id, by: 'CLIENT', actor: 'c', reason: null },
        now,
      );
      expect(c).toEqual({ ok: false, code: 'NOT_FOUND', entity: 'appointment' });
      const r = await rescheduleAppointment(
        t.db,
        { appointmentId: id, newStart: now, actor: 'c' },
        now,
      );
      expect(r).toEqual({ ok: false, code: 'NOT_FOUND', entity: 'appointment' });
    }
  });

  it('lets exactly one of two racing cancellations win', async () => {
    const f = await createFixture(t.db);
    const a = await booked(f, '2026-12-02T13:00:00+01:00');
    const input = { appointmentId: a.id, by: 'CLIENT' as const, actor: 'c', reason: null };
    const results = await Promise.all([
      cancelAppointment(t.db, input, now),
      cancelAppointment(t.db, input, now),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await eventsOf(a.id)).toEqual(['BOOKED', 'CANCELLED']);
  });
});

describe('complete and no-show', () => {
  it('refuses both before the start and allows them after', async () => {
    const f = await createFixture(t.db);
    const a = await booked(f, '2026-11-30T09:00:00+01:00');
    const early = await completeAppointment(t.db, { appointmentId: a.id, actor: 'p' }, now);
    expect(early).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', action: 'complete' });
    const earlyNoShow = await markNoShow(
      t.db,
      { appointmentId: a.id, actor: 'p', lockoutDays: 30 },
      now,
    );
    expect(earlyNoShow).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', action: 'no-show' });
    const later = new Date(a.startTime.getTime() + HOUR);
    const done = await completeAppointment(t.db, { appointmentId: a.id, actor: 'p' }, later);
    expect(done.ok && done.value.status).toBe('COMPLETED');
    const noShowAfter = await markNoShow(
      t.db,
      { appointmentId: a.id, actor: 'p', lockoutDays: 30 },
      later,
    );
    expect(noShowAfter).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', from: 'COMPLETED' });
  });

  it('no-show: NO_REFUND, counts the no-show and locks the client out', async () => {
    const f = await createFixture(t.db);
    const a = await booked(f, '2026-11-30T10:00:00+01:00');
    const later = new Date(a.startTime.getTime() + 30 * 60_000);
    const r = await markNoShow(t.db, { appointmentId: a.id, actor: 'p', lockoutDays: 30 }, later);
    expect(r.ok && r.value).toMatchObject({ status: 'NO_SHOW', refundStatus: 'NO_REFUND' });
    const [client] = await t.db.select().from(clients).where(eq(clients.id, f.clientId));
    expect(client?.noShowCount).toBe(1);
    expect(client?.noShowLockoutUntil?.toISOString()).toBe(
      new Date(later.getTime() + 30 * 86_400_000).toISOString(),
    );
    expect(await eventsOf(a.id)).toEqual(['BOOKED', 'NO_SHOW']);
  });

  it('cannot complete a PENDING or CANCELLED appointment', async () => {
    const f = await createFixture(t.db, { service: { requiresApproval: true } });
    const a = await booked(f, '2026-11-30T11:00:00+01:00');
    const later = new Date(a.startTime.getTime() + HOUR);
    const r = await completeAppointment(t.db, { appointmentId: a.id, actor: 'p' }, later);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_TRANSITION', from: 'PENDING' });
  });
});

describe('reschedule', () => {
  it('moves to a free slot atomically, freeing the old one', async () => {
    const f = await createFixture(t.db);
    const a = await booked(f, '2026-12-03T09:00:00+01:00');
    const r = await rescheduleAppointment(
      t.db,
      { appointmentId: a.id, newStart: at('2026-12-03T14:00:00+01:00'), actor: 'c' },
      now,
    );
    expect(r.ok && r.value.startTime.toISOString()).toBe('2026-12-03T13:00:00.000Z');
    expect(r.ok && r.value.status).toBe('CONFIRMED');
    await expect(booked(f, '2026-12-03T09:00:00+01:00')).resolves.toBeDefined();
    expect(await eventsOf(a.id)).toEqual(['BOOKED', 'RESCHEDULED']);
  });

  it('may overlap its own old time', async () => {
    const f = await createFixture(t.db, { service: { slotIntervalMinutes: 30 } });
    const a = await booked(f, '2026-12-03T10:00:00+01:00');
    const r = await rescheduleAppointment(
      t.db,
      { appointmentId: a.id, newStart: at('2026-12-03T10:30:00+01:00'), actor: 'c' },
      now,
    );
    expect(r.ok).toBe(true);
  });

  it('refuses a taken or unavailable start and leaves the appointment as it was', async () => {
    const f = await createFixture(t.db);
    const a = await booked(f, '2026-12-04T09:00:00+01:00');
    await booked(f, '2026-12-04T10:00:00+01:00');
    const taken = await rescheduleAppointment(
      t.db,
      { appointmentId: a.id, newStart: at('2026-12-04T10:00:00+01:00'), actor: 'c' },
      now,
    );
    // The appointment's own time counts as free for its move.
    const around = {
      before: at('2026-12-04T09:00:00+01:00'),
      after: at('2026-12-04T11:00:00+01:00'),
    };
    expect(taken).toEqual({ ok: false, code: 'SLOT_TAKEN', nearest: around });
    const offGrid = await rescheduleAppointment(
      t.db,
      { appointmentId: a.id, newStart: at('2026-12-04T10:20:00+01:00'), actor: 'c' },
      now,
    );
    expect(offGrid).toMatchObject({
      ok: false,
      code: 'SLOT_UNAVAILABLE',
      reason: 'OFF_GRID',
      nearest: around,
    });
    const sunday = await rescheduleAppointment(
      t.db,
      { appointmentId: a.id, newStart: at('2026-12-06T10:00:00+01:00'), actor: 'c' },
      now,
    );
    expect(sunday).toMatchObject({
      ok: false,
      code: 'SLOT_UNAVAILABLE',
      reason: 'OUTSIDE_AVAILABILITY',
      nearest: { before: null, after: null },
    });
    expect(await eventsOf(a.id)).toEqual(['BOOKED']);
  });

  it('refuses to reschedule a cancelled appointment, and unknown ids', async () => {
    const f = await createFixture(t.db);
    const a = await booked(f, '2026-12-04T13:00:00+01:00');
    await cancelAppointment(
      t.db,
      { appointmentId: a.id, by: 'CLIENT', actor: 'c', reason: null },
      now,
    );
    const r = await rescheduleAppointment(
      t.db,
      { appointmentId: a.id, newStart: at('2026-12-04T15:00:00+01:00'), actor: 'c' },
      now,
    );
    expect(r).toMatchObject({
      ok: false,
      code: 'INVALID_TRANSITION',
      from: 'CANCELLED',
      action: 'reschedule',
    });
    const unknown = await rescheduleAppointment(
      t.db,
      { appointmentId: randomUUID(), newStart: at('2026-12-04T15:00:00+01:00'), actor: 'c' },
      now,
    );
    expect(unknown).toEqual({ ok: false, code: 'NOT_FOUND', entity: 'appointment' });
  });

  it('refuses new times with an inactive provider or service', async () => {
    const f = await createFixture(t.db);
    const a = await booked(f, '2026-12-08T09:00:00+01:00');
    await t.db.update(services).set({ isActive: false }).where(eq(services.id, f.serviceId));
    const move = () =>
      rescheduleAppointment(
        t.db,
        { appointmentId: a.id, newStart: at('2026-12-08T11:00:00+01:00'), actor: 'c' },
        now,
      );
    expect(await move()).toEqual({ ok: false, code: 'NOT_FOUND', entity: 'service' });
    await t.db.update(services).set({ isActive: true }).where(eq(services.id, f.serviceId));
    await t.db.update(providers).set({ isActive: false }).where(eq(providers.id, f.providerId));
    expect(await move()).toEqual({ ok: false, code: 'NOT_FOUND', entity: 'provider' });
  });

  it('two appointments racing for the same new start: one wins', async () => {
    const f = await createFixture(t.db);
    const a = await booked(f, '2026-12-07T09:00:00+01:00');
    const b = await booked(f, '2026-12-07T10:00:00+01:00');
    const target = at('2026-12-07T15:00:00+01:00');
    const results = await Promise.all([
      rescheduleAppointment(t.db, { appointmentId: a.id, newStart: target, actor: 'c' }, now),
      rescheduleAppointment(t.db, { appointmentId: b.id, newStart: target, actor: 'c' }, now),
    ]);
    expect(results.map((r) => (r.ok ? 'OK' : r.code)).sort()).toEqual(['OK', 'SLOT_TAKEN']);
  });
});
