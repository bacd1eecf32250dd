// A paid service's booking starts as an unpaid hold: what it owes, how long it holds, and that it takes its time.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BookingRequest, bookAppointment } from '../../src/booking/book-appointment.ts';
import { openingTerms } from '../../src/booking/decide-booking.ts';
import { listSlots } from '../../src/booking/list-slots.ts';
import type { Service } from '../../src/domain/catalog.ts';
import { addClient, createFixture, type Fixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const NOW = MONDAY_MORNING; // 07:00 Berlin
const START = new Date('2026-11-30T10:00:00+01:00');

const SERVICE: Service = {
  id: 's',
  providerId: 'p',
  name: 'Session',
  durationMinutes: 60,
  price: 5000,
  currency: 'EUR',
  paymentMode: 'NONE',
  depositAmount: null,
  bufferTimeMinutes: 0,
  maxAdvanceDays: 60,
  cancellationHours: 24,
  requiresApproval: false,
  minNoticeMinutes: 0,
  slotIntervalMinutes: null,
  isVirtual: false,
  isActive: true,
  maxBookingsPerDay: null,
  maxBookingsPerWeek: null,
  createdAt: NOW,
};

describe('openingTerms', () => {
  const min = (m: number) => new Date(NOW.getTime() + m * 60_000);
  it.each([
    ['free mode, payments on', { paymentMode: 'NONE' }, 15, START, 'CONFIRMED', 0, null],
    ['free mode needing approval', { requiresApproval: true }, 15, START, 'PENDING', 0, null],
    ['full price, payments off', { paymentMode: 'FULL' }, null, START, 'CONFIRMED', 0, null],
    ['full price', { paymentMode: 'FULL' }, 15, START, 'AWAITING_PAYMENT', 5000, min(15)],
    [
      'deposit',
      { paymentMode: 'DEPOSIT', depositAmount: 1500 },
      30,
      START,
      'AWAITING_PAYMENT',
      1500,
      min(30),
    ],
    [
      'a hold never outlasts the start',
      { paymentMode: 'FULL' },
      60,
      min(20),
      'AWAITING_PAYMENT',
      5000,
      min(20),
    ],
  ] as const)('%s', (_name, service, hold, start, status, amountDue, holdExpiresAt) => {
    expect(openingTerms({ ...SERVICE, ...service }, hold, start, NOW)).toEqual({
      status,
      amountDue,
      holdExpiresAt,
    });
  });
});

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

function request(f: Fixture, clientId: string, hold: number | null): BookingRequest {
  return {
    providerId: f.providerId,
    serviceId: f.serviceId,
    clientId,
    startTime: START,
    notes: null,
    idempotencyKey: randomUUID(),
    actor: `client:${clientId}`,
    paymentHoldMinutes: hold,
  };
}

describe('booking a paid service', () => {
  it('holds the slot unpaid, owing the deposit, with a BOOKED event that names the hold', async () => {
    const f = await createFixture(t.db, {
      service: { paymentMode: 'DEPOSIT', depositAmount: 2000 },
    });
    const result = await bookAppointment(t.db, request(f, f.clientId, 15), NOW);
    if (!result.ok) throw new Error(result.code);
    const a = result.value.appointment;
    expect([a.status, a.amountDue, a.price, a.currency]).toEqual([
      'AWAITING_PAYMENT',
      2000,
      5000,
      'EUR',
    ]);
    expect(a.holdExpiresAt).toEqual(new Date(NOW.getTime() + 15 * 60_000));
    const { rows } = await t.pool.query(
      `select type, to_status, payload->>'hold_expires_at' as hold from appointment_events
       where appointment_id = $1`,
      [a.id],
    );
    expect(rows).toEqual([
      {
        type: 'BOOKED',
        to_status: 'AWAITING_PAYMENT',
        hold: expect.stringMatching(/^2026-11-30T06:15:00/),
      },
    ]);
  });

  it('takes its time: the slot is no longer offered and a second client gets SLOT_TAKEN', async () => {
    const f = await createFixture(t.db, { service: { paymentMode: 'FULL' } });
    const first = await bookAppointment(t.db, request(f, f.clientId, 15), NOW);
    expect(first.ok).toBe(true);
    const second = await bookAppointment(t.db, request(f, await addClient(t.db), 15), NOW);
    expect(second).toMatchObject({ ok: false, code: 'SLOT_TAKEN' });
    const slots = await listSlots(
      t.db,
      { providerId: f.providerId, serviceId: f.serviceId, from: '2026-11-30', days: 1 },
      NOW,
    );
    if (!slots.ok) throw new Error(slots.code);
    const starts = slots.value.slots.map((s) => s.start);
    expect(starts.length).toBeGreaterThan(0);
    expect(starts).not.toContain(START.getTime());
  });

  it('is refused by the exclusion constraint even when written straight to the table', async () => {
    const f = await createFixture(t.db, { service: { paymentMode: 'FULL' } });
    const held = await bookAppointment(t.db, request(f, f.clientId, 15), NOW);
    if (!held.ok) throw new Error(held.code);
    await expect(
      t.pool.query(
        `insert into appointments (provider_id, client_id, service_id, start_time, end_time,
           blocked_until, status, price, currency)
         select provider_id, client_id, service_id, start_time, end_time, blocked_until,
           'CONFIRMED', price, currency from appointments where id = $1`,
        [held.value.appointment.id],
      ),
    ).rejects.toMatchObject({ code: '23P01' });
  });

  it('keeps a hold and its expiry together: the CHECK refuses one without the other', async () => {
    const f = await createFixture(t.db, { service: { paymentMode: 'FULL' } });
    const held = await bookAppointment(t.db, request(f, f.clientId, 15), NOW);
    if (!held.ok) throw new Error(held.code);
    await expect(
      t.pool.query(`update appointments set hold_expires_at = null where id = $1`, [
        held.value.appointment.id,
      ]),
    ).rejects.toMatchObject({ code: '23514', constraint: 'appointments_hold_check' });
  });

  it('books a paid service as before when payments are off', async () => {
    const f = await createFixture(t.db, { service: { paymentMode: 'FULL' } });
    const result = await bookAppointment(t.db, request(f, f.clientId, null), NOW);
    expect(
      result.ok && [result.value.appointment.status, result.value.appointment.amountDue],
    ).toEqual(['CONFIRMED', 0]);
  });

  it.each([
    ['a deposit in a free mode', { paymentMode: 'NONE', depositAmount: 100 }],
    ['a deposit mode without an amount', { paymentMode: 'DEPOSIT' }],
    ['a deposit above the price', { paymentMode: 'DEPOSIT', depositAmount: 5001 }],
    ['a paid mode at price 0', { paymentMode: 'FULL', price: 0 }],
  ] as const)('the services CHECKs refuse %s', async (_name, service) => {
    await expect(createFixture(t.db, { service })).rejects.toMatchObject({
      cause: expect.objectContaining({ code: '23514' }),
    });
  });
});
