// Cancelling, declining and no-shows of paid appointments: the money follows the refund policy.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { cancelAppointment } from '../../src/booking/cancel-appointment.ts';
import { declineAppointment } from '../../src/booking/decline-appointment.ts';
import { markNoShow } from '../../src/booking/mark-no-show.ts';
import { bookHold, payHold, refundsOf, storeOpenCheckout } from '../payments/refund-fixtures.ts';
import { createFixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const NOW = MONDAY_MORNING; // Monday 07:00 Berlin
const HOUR = 3_600_000;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

/** A FULL-price appointment at `start` (cancellation 24 h), paid at NOW. */
async function paid(start: Date, service: Record<string, unknown> = {}) {
  const f = await createFixture(t.db, {
    service: { paymentMode: 'FULL', cancellationHours: 24, ...service },
  });
  const hold = await bookHold(t.db, f, start, NOW);
  const ids = { sessionId: `cs_${randomUUID()}`, paymentIntentId: `pi_${randomUUID()}` };
  await storeOpenCheckout(t, hold, ids.sessionId, NOW);
  return { f, appointment: await payHold(t, hold, ids, NOW) };
}

const TUESDAY_10 = new Date('2026-12-01T09:00:00Z'); // 27 h after NOW
const WEDNESDAY_10 = new Date('2026-12-02T09:00:00Z');

describe('paid cancellations', () => {
  it('owes a client cancelling in time everything paid', async () => {
    const { appointment } = await paid(WEDNESDAY_10);
    const input = { appointmentId: appointment.id, actor: 'admin', by: 'CLIENT', reason: null };
    const r = await cancelAppointment(t.db, { ...input, by: 'CLIENT' }, NOW);
    expect(r.ok && r.value.refundStatus).toBe('REFUND_DUE');
    const stored = await refundsOf(t, appointment.id);
    expect(stored.refunds).toEqual([
      expect.objectContaining({ reason: 'CLIENT_CANCELLED', state: 'REFUND_DUE', amount: 5000 }),
    ]);
  });

  it('keeps the payment of a client cancelling late: NO_REFUND, no refund owed', async () => {
    const { appointment } = await paid(TUESDAY_10);
    const late = new Date(TUESDAY_10.getTime() - 2 * HOUR);
    const input = { appointmentId: appointment.id, actor: 'admin', by: 'CLIENT', reason: null };
    const r = await cancelAppointment(t.db, { ...input, by: 'CLIENT' }, late);
    expect(r.ok && r.value.refundStatus).toBe('NO_REFUND');
    expect((await refundsOf(t, appointment.id)).refunds).toEqual([]);
  });

  it('owes everything back when the provider cancels late', async () => {
    const { appointment } = await paid(TUESDAY_10);
    const late = new Date(TUESDAY_10.getTime() - HOUR);
    const input = { appointmentId: appointment.id, actor: 'admin', by: 'PROVIDER', reason: null };
    const r = await cancelAppointment(t.db, { ...input, by: 'PROVIDER' }, late);
    expect(r.ok && r.value.refundStatus).toBe('REFUND_DUE');
    expect((await refundsOf(t, appointment.id)).refunds[0]?.reason).toBe('PROVIDER_CANCELLED');
  });

  it('owes everything back for a declined paid request', async () => {
    const { appointment } = await paid(WEDNESDAY_10, { requiresApproval: true });
    expect(appointment.status).toBe('PENDING');
    const r = await declineAppointment(
      t.db,
      { appointmentId: appointment.id, actor: 'admin', reason: 'away' },
      NOW,
    );
    expect(r.ok && r.value.refundStatus).toBe('REFUND_DUE');
    expect((await refundsOf(t, appointment.id)).refunds[0]?.reason).toBe('DECLINED');
  });

  it('keeps the payment of a no-show', async () => {
    const { appointment } = await paid(TUESDAY_10);
    const after = new Date(TUESDAY_10.getTime() + 2 * HOUR);
    const r = await markNoShow(
      t.db,
      { appointmentId: appointment.id, actor: 'admin', lockoutDays: 7 },
      after,
    );
    expect(r.ok && r.value.refundStatus).toBe('NO_REFUND');
    expect((await refundsOf(t, appointment.id)).refunds).toEqual([]);
  });

  it('lets the client give up an unpaid hold: CANCELLED, nothing owed, hold cleared', async () => {
    const f = await createFixture(t.db, { service: { paymentMode: 'FULL' } });
    const hold = await bookHold(t.db, f, WEDNESDAY_10, NOW);
    const r = await cancelAppointment(
      t.db,
      { appointmentId: hold.id, actor: `client:${f.clientId}`, by: 'CLIENT', reason: null },
      new Date(NOW.getTime() + 60_000),
    );
    expect(r.ok && r.value).toMatchObject({
      status: 'CANCELLED',
      refundStatus: 'NONE',
      holdExpiresAt: null,
    });
    expect((await refundsOf(t, hold.id)).refunds).toEqual([]);
  });
});
