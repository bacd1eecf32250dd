// bookAppointment on real PostgreSQL: the rules, the outcomes and idempotency.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BookingRequest, bookAppointment } from '../../src/booking/book-appointment.ts';
import { appointmentEvents } from '../../src/db/schema/appointments.ts';
import { availabilityOverrides } from '../../src/db/schema/availability.ts';
import { clients } from '../../src/db/schema/clients.ts';
import { providers, services } from '../../src/db/schema/providers.ts';
import { addService, createFixture, type Fixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

const now = MONDAY_MORNING; // 07:00 Berlin

function request(f: Fixture, start: string, extra: Partial<BookingRequest> = {}): BookingRequest {
  return {
    providerId: f.providerId,
    serviceId: f.serviceId,
    clientId: f.clientId,
    startTime: new Date(start),
    notes: null,
    idempotencyKey: randomUUID(),
    actor: 'admin',
    paymentHoldMinutes: null,
    ...extra,
  };
}

describe('bookAppointment', () => {
  it('confirms an offered slot, snapshots the price and logs a BOOKED event', async () => {
    const f = await createFixture(t.db, { service: { bufferTimeMinutes: 15 } });
    const result = await bookAppointment(
      t.db,
      request(f, '2026-11-30T09:00:00+01:00', { notes: 'hi' }),
      now,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const a = result.value.appointment;
    expect(a.status).toBe('CONFIRMED');
    expect(a.endTime.toISOString()).toBe('2026-11-30T09:00:00.000Z');
    expect(a.blockedUntil.toISOString()).toBe('2026-11-30T09:15:00.000Z');
    expect(a.price).toBe(5000);
    expect(a.notes).toBe('hi');
    expect(result.value.replayed).toBe(false);
    const events = await t.db
      .select()
      .from(appointmentEvents)
      .where(eq(appointmentEvents.appointmentId, a.id));
    expect(events.map((e) => [e.type, e.fromStatus, e.toStatus])).toEqual([
      ['BOOKED', null, 'CONFIRMED'],
    ]);
  });

  it('holds the slot as PENDING when the service requires approval', async () => {
    const f = await createFixture(t.db, { service: { requiresApproval: true } });
    const first = await bookAppointment(t.db, request(f, '2026-11-30T10:00:00+01:00'), now);
    expect(first.ok && first.value.appointment.status).toBe('PENDING');
    const second = await bookAppointment(t.db, request(f, '2026-11-30T10:00:00+01:00'), now);
    expect(second).toEqual({
      ok: false,
      code: 'SLOT_TAKEN',
      nearest: {
        before: new Date('2026-11-30T09:00:00+01:00'),
        after: new Date('2026-11-30T11:00:00+01:00'),
      },
    });
  });

  const at = (iso: string | null) => (iso === null ? null : new Date(iso));
  it.each([
    ['before the window opens', '2026-11-30T08:00:00+01:00', 'OUTSIDE_AVAILABILITY', null, '09:00'],
    ['off the slot grid', '2026-11-30T09:10:00+01:00', 'OFF_GRID', '09:00', '10:00'],
    [
      'running past the window end',
      '2026-11-30T16:30:00+01:00',
      'OUTSIDE_AVAILABILITY',
      '16:00',
      null,
    ],
    ['on a Saturday', '2026-12-05T09:00:00+01:00', 'OUTSIDE_AVAILABILITY', null, null],
    ['in the past', '2026-11-27T09:00:00+01:00', 'IN_THE_PAST', null, null],
    ['beyond max advance', '2027-03-01T09:00:00+01:00', 'TOO_FAR_AHEAD', null, null],
    ['on a blocked day', '2026-12-01T09:00:00+01:00', 'BLOCKED', null, null],
  ])(
    'refuses a start %s with SLOT_UNAVAILABLE %s and the nearest times',
    async (_label, start, reason, before, after) => {
      const f = await createFixture(t.db);
      await t.db
        .insert(availabilityOverrides)
        .values({ providerId: f.providerId, date: '2026-12-01', isBlocked: true });
      const result = await bookAppointment(t.db, request(f, start), now);
      const day = start.slice(0, 11);
      expect(result).toEqual({
        ok: false,
        code: 'SLOT_UNAVAILABLE',
        reason,
        nearest: {
          before: at(before && `${day}${before}:00+01:00`),
          after: at(after && `${day}${after}:00+01:00`),
        },
        limits: {
          minNoticeMinutes: 0,
          maxAdvanceDays: 60,
          earliest: now,
          latest: new Date('2027-01-29T06:00:00Z'),
        },
      });
    },
  );

  it('honours min notice, naming it and the first bookable time that day', async () => {
    const f = await createFixture(t.db, { service: { minNoticeMinutes: 180 } });
    const soon = await bookAppointment(t.db, request(f, '2026-11-30T09:00:00+01:00'), now);
    expect(soon).toMatchObject({
      ok: false,
      code: 'SLOT_UNAVAILABLE',
      reason: 'TOO_SOON',
      nearest: { before: null, after: new Date('2026-11-30T10:00:00+01:00') },
      limits: { minNoticeMinutes: 180, earliest: new Date('2026-11-30T09:00:00Z') },
    });
    const later = await bookAppointment(t.db, request(f, '2026-11-30T10:00:00+01:00'), now);
    expect(later.ok).toBe(true);
  });

  it('treats the buffer of an existing appointment as taken', async () => {
    const f = await createFixture(t.db, {
      service: { bufferTimeMinutes: 30, slotIntervalMinutes: 30 },
    });
    expect((await bookAppointment(t.db, request(f, '2026-11-30T09:00:00+01:00'), now)).ok).toBe(
      true,
    );
    const inBuffer = await bookAppointment(t.db, request(f, '2026-11-30T10:00:00+01:00'), now);
    // 09:00-10:00 plus its 30 min buffer blocks until 10:30: nothing before 10:30 is free.
    expect(inBuffer).toEqual({
      ok: false,
      code: 'SLOT_TAKEN',
      nearest: { before: null, after: new Date('2026-11-30T10:30:00+01:00') },
    });
    expect((await bookAppointment(t.db, request(f, '2026-11-30T10:30:00+01:00'), now)).ok).toBe(
      true,
    );
  });

  it.each([
    ['provider', { providerId: randomUUID() }],
    ['service', { serviceId: randomUUID() }],
    ['client', { clientId: randomUUID() }],
  ])('answers NOT_FOUND for an unknown %s', async (entity, change) => {
    const f = await createFixture(t.db);
    const result = await bookAppointment(
      t.db,
      request(f, '2026-11-30T09:00:00+01:00', change),
      now,
    );
    expect(result).toEqual({
      ok: false,
      code: 'NOT_FOUND',
      entity,
    });
  });

  it.each([
    ['provider', { providerId: 'nope' }],
    ['service', { serviceId: '123' }],
    ['client', { clientId: 'x'.repeat(36) }],
  ])('answers NOT_FOUND, not a fault, for a malformed %s id', async (entity, change) => {
    const f = await createFixture(t.db);
    const result = await bookAppointment(
      t.db,
      request(f, '2026-11-30T09:00:00+01:00', change),
      now,
    );
    expect(result).toEqual({ ok: false, code: 'NOT_FOUND', entity });
  });

  it('refuses a service of another provider and inactive providers or services', async () => {
    const f = await createFixture(t.db);
    const other = await createFixture(t.db);
    const foreign = await bookAppointment(
      t.db,
      request(f, '2026-11-30T09:00:00+01:00', { serviceId: other.serviceId }),
      now,
    );
    expect(foreign.ok).toBe(false);
    const inactiveService = await addService(t.db, f.providerId, { isActive: false });
    const r1 = await bookAppointment(
      t.db,
      request(f, '2026-11-30T09:00:00+01:00', { serviceId: inactiveService }),
      now,
    );
    expect(r1).toEqual({ ok: false, code: 'NOT_FOUND', entity: 'service' });
    await t.db.update(providers).set({ isActive: false }).where(eq(providers.id, f.providerId));
    const r2 = await bookAppointment(t.db, request(f, '2026-11-30T09:00:00+01:00'), now);
    expect(r2).toEqual({ ok: false, code: 'NOT_FOUND', entity: 'provider' });
  });

  it('keeps the price of booking time when the service price changes later', async () => {
    const f = await createFixture(t.db);
    const r = await bookAppointment(t.db, request(f, '2026-11-30T11:00:00+01:00'), now);
    await t.db.update(services).set({ price: 9999 }).where(eq(services.id, f.serviceId));
    expect(r.ok && r.value.appointment.price).toBe(5000);
  });
});

describe('idempotency', () => {
  it('replays the same key and request without booking twice', async () => {
    const f = await createFixture(t.db);
    const req = request(f, '2026-11-30T09:00:00+01:00');
    const first = await bookAppointment(t.db, req, now);
    const again = await bookAppointment(t.db, req, new Date(now.getTime() + 3_600_000));
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.value.replayed).toBe(true);
    expect(again.value.appointment.id).toBe(first.value.appointment.id);
  });

  it('scopes keys to the caller: another actor may use the same key', async () => {
    const f = await createFixture(t.db);
    const req = request(f, '2026-11-30T15:00:00+01:00');
    expect((await bookAppointment(t.db, req, now)).ok).toBe(true);
    const other = {
      ...req,
      actor: 'client:someone',
      startTime: new Date('2026-11-30T16:00:00+01:00'),
    };
    const result = await bookAppointment(t.db, other, now);
    expect(result.ok && !result.value.replayed).toBe(true);
  });

  it('refuses the same key with a different request', async () => {
    const f = await createFixture(t.db);
    const req = request(f, '2026-11-30T09:00:00+01:00');
    await bookAppointment(t.db, req, now);
    const other = await bookAppointment(
      t.db,
      { ...req, startTime: new Date('2026-11-30T10:00:00+01:00') },
      now,
    );
    expect(other).toEqual({ ok: false, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('forgets a key after 24 hours', async () => {
    const f = await createFixture(t.db);
    const req = request(f, '2026-12-02T09:00:00+01:00');
    expect((await bookAppointment(t.db, req, now)).ok).toBe(true);
    const dayLater = new Date(now.getTime() + 24 * 3_600_000 + 1000);
    const moved = { ...req, startTime: new Date('2026-12-02T10:00:00+01:00') };
    const result = await bookAppointment(t.db, moved, dayLater);
    expect(result.ok && !result.value.replayed).toBe(true);
  });

  it('gives one booking when the same key arrives ten times at once', async () => {
    const f = await createFixture(t.db);
    const req = request(f, '2026-11-30T13:00:00+01:00');
    const results = await Promise.all(
      Array.from({ length: 10 }, () => bookAppointment(t.db, req, now)),
    );
    const ids = new Set(results.map((r) => (r.ok ? r.value.appointment.id : r.code)));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.ok && !r.value.replayed)).toHaveLength(1);
  });
});

describe('no-show lockout', () => {
  it('blocks same-day booking while locked out, allows other days, and lifts', async () => {
    const f = await createFixture(t.db);
    const until = new Date(now.getTime() + 30 * 86_400_000);
    await t.db.update(clients).set({ noShowLockoutUntil: until }).where(eq(clients.id, f.clientId));
    const today = await bookAppointment(t.db, request(f, '2026-11-30T14:00:00+01:00'), now);
    expect(today).toEqual({ ok: false, code: 'NO_SHOW_LOCKOUT', until });
    const tomorrow = await bookAppointment(t.db, request(f, '2026-12-01T14:00:00+01:00'), now);
    expect(tomorrow.ok).toBe(true);
    await t.db.update(clients).set({ noShowLockoutUntil: null }).where(eq(clients.id, f.clientId));
    const lifted = await bookAppointment(t.db, request(f, '2026-11-30T14:00:00+01:00'), now);
    expect(lifted.ok).toBe(true);
  });
});
