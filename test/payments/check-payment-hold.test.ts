// checkPaymentHold on real PostgreSQL: only the amount and currency a hold owes, before it ends, may pay it.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../../src/booking/book-appointment.ts';
import type { Appointment } from '../../src/domain/appointment.ts';
import { checkPaymentHold } from '../../src/payments/check-payment-hold.ts';
import { createFixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const NOW = MONDAY_MORNING; // 07:00 Berlin
const START = new Date('2026-11-30T10:00:00+01:00');
const HOLD_END = new Date(NOW.getTime() + 15 * 60_000);

let t: TestDatabase;
let full: Appointment;
let deposit: Appointment;

beforeAll(async () => {
  t = await createTestDatabase();
  full = await holdFor({ paymentMode: 'FULL' });
  deposit = await holdFor({ paymentMode: 'DEPOSIT', depositAmount: 1500 });
});

/** A 15-minute hold on a new provider's 60-minute, €50.00 service. */
async function holdFor(service: Record<string, unknown>): Promise<Appointment> {
  const f = await createFixture(t.db, { service });
  const r = await bookAppointment(
    t.db,
    {
      providerId: f.providerId,
      serviceId: f.serviceId,
      clientId: f.clientId,
      startTime: START,
      notes: null,
      idempotencyKey: randomUUID(),
      actor: `client:${f.clientId}`,
      paymentHoldMinutes: 15,
    },
    NOW,
  );
  if (!r.ok) throw new Error(r.code);
  return r.value.appointment;
}

describe('checkPaymentHold', () => {
  it('the owed amount in the owed currency before the hold ends may pay it', async () => {
    expect(full.amountDue).toBe(5000);
    expect(deposit.amountDue).toBe(1500);
    const check = { appointmentId: full.id, amount: 5000, currency: 'EUR' };
    expect(await checkPaymentHold(t.db, check, NOW)).toEqual({
      ok: true,
      value: { holdExpiresAt: HOLD_END },
    });
    const paysDeposit = { appointmentId: deposit.id, amount: 1500, currency: 'EUR' };
    expect((await checkPaymentHold(t.db, paysDeposit, NOW)).ok).toBe(true);
  });

  it.each([
    ['one cent short', () => full, 4999, 'EUR'],
    ['one cent over', () => full, 5001, 'EUR'],
    ['the full price for a deposit', () => deposit, 5000, 'EUR'],
    ['the right number in another currency', () => full, 5000, 'USD'],
    ['a lower-case currency code', () => full, 5000, 'eur'],
  ])('%s is AMOUNT_MISMATCH', async (_case, hold, amount, currency) => {
    const check = { appointmentId: hold().id, amount, currency };
    expect(await checkPaymentHold(t.db, check, NOW)).toEqual({
      ok: false,
      code: 'AMOUNT_MISMATCH',
    });
  });

  it('a lapsed hold is HOLD_EXPIRED even for the wrong amount, saying when it ended', async () => {
    for (const amount of [5000, 1]) {
      const check = { appointmentId: full.id, amount, currency: 'EUR' };
      expect(await checkPaymentHold(t.db, check, HOLD_END)).toEqual({
        ok: false,
        code: 'HOLD_EXPIRED',
        holdExpiresAt: HOLD_END,
      });
    }
  });

  it('an id that is no appointment is NOT_FOUND', async () => {
    for (const appointmentId of [randomUUID(), 'not-a-uuid']) {
      const check = { appointmentId, amount: 5000, currency: 'EUR' };
      expect((await checkPaymentHold(t.db, check, NOW)).ok).toBe(false);
      expect(await checkPaymentHold(t.db, check, NOW)).toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});
