// applyRefundEvent on real PostgreSQL: refund.updated / refund.failed settle a refund once.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { cancelAppointment } from '../../src/booking/cancel-appointment.ts';
import { applyRefundEvent } from '../../src/payments/apply-refund-event.ts';
import type { RefundView } from '../../src/ports/payment-gateway.ts';
import { createFixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { bookHold, eventsOf, payHold, refundsOf, storeOpenCheckout } from './refund-fixtures.ts';

const NOW = MONDAY_MORNING;
const MIN = 60_000;

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

/** A paid appointment two days ahead, cancelled by its provider: one REFUND_DUE refund. */
async function owedRefund(options: { processorRefundId?: string } = {}) {
  const f = await createFixture(t.db, { service: { paymentMode: 'FULL' } });
  const hold = await bookHold(t.db, f, new Date('2026-12-02T10:00:00+01:00'), NOW);
  const ids = { sessionId: `cs_${randomUUID()}`, paymentIntentId: `pi_${randomUUID()}` };
  await storeOpenCheckout(t, hold, ids.sessionId, NOW);
  await payHold(t, hold, ids, new Date(NOW.getTime() + MIN));
  const cancelled = await cancelAppointment(
    t.db,
    { appointmentId: hold.id, actor: 'admin', by: 'PROVIDER', reason: null },
    new Date(NOW.getTime() + 2 * MIN),
  );
  if (!cancelled.ok) throw new Error('not cancelled');
  const [refund] = (await refundsOf(t, hold.id)).refunds;
  if (!refund) throw new Error('no refund owed');
  if (options.processorRefundId) {
    await t.pool.query('update refunds set processor_refund_id = $2 where id = $1', [
      refund.id,
      options.processorRefundId,
    ]);
  }
  return { appointmentId: hold.id, refundId: refund.id, ...ids, amount: hold.amountDue };
}

function view(
  status: RefundView['status'],
  owed: { appointmentId: string; paymentIntentId: string },
  refundId = `re_${randomUUID()}`,
): RefundView {
  return {
    refundId,
    status,
    amount: 5000,
    paymentIntentId: owed.paymentIntentId,
    appointmentId: owed.appointmentId,
  };
}

const LATER = new Date(NOW.getTime() + 10 * MIN);

describe('applyRefundEvent', () => {
  it('settles a due refund as REFUNDED once, by processor id, with one REFUNDED event', async () => {
    const owed = await owedRefund({ processorRefundId: 're_known1' });
    const first = await applyRefundEvent(t.db, view('succeeded', owed, 're_known1'), LATER);
    const again = await applyRefundEvent(t.db, view('succeeded', owed, 're_known1'), LATER);
    expect([first.kind, again.kind]).toEqual(['settled', 'unchanged']);
    const stored = await refundsOf(t, owed.appointmentId);
    expect(stored.refundStatus).toBe('REFUNDED');
    expect(stored.refunds[0]).toMatchObject({ state: 'REFUNDED', settled_at: LATER });
    const events = await eventsOf(t, owed.appointmentId, 'REFUNDED');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actor: 'system:payments',
      from_status: 'CANCELLED',
      to_status: 'CANCELLED',
      payload: { refund_id: owed.refundId, amount: owed.amount, currency: 'EUR' },
    });
  });

  it('finds a refund the job has not recorded yet by its payment intent', async () => {
    const owed = await owedRefund();
    const outcome = await applyRefundEvent(t.db, view('succeeded', owed, 're_early'), LATER);
    expect(outcome.kind).toBe('settled');
    const [refund] = (await refundsOf(t, owed.appointmentId)).refunds;
    expect(refund).toMatchObject({ state: 'REFUNDED', processor_refund_id: 're_early' });
  });

  it('turns REFUNDED into REFUND_FAILED when the processor reports a later failure', async () => {
    const owed = await owedRefund({ processorRefundId: 're_late_fail' });
    await applyRefundEvent(t.db, view('succeeded', owed, 're_late_fail'), LATER);
    const failed = await applyRefundEvent(t.db, view('failed', owed, 're_late_fail'), LATER);
    const succeededAgain = await applyRefundEvent(
      t.db,
      view('succeeded', owed, 're_late_fail'),
      LATER,
    );
    expect([failed.kind, succeededAgain.kind]).toEqual(['settled', 'unchanged']);
    const stored = await refundsOf(t, owed.appointmentId);
    expect(stored.refundStatus).toBe('REFUND_FAILED');
    expect(stored.refunds[0]?.failure).toMatch(/failed/);
    expect(await eventsOf(t, owed.appointmentId, 'REFUND_FAILED')).toHaveLength(1);
  });

  it('leaves a pending refund due, and ignores refunds it does not know', async () => {
    const owed = await owedRefund({ processorRefundId: 're_pending' });
    const pending = await applyRefundEvent(t.db, view('pending', owed, 're_pending'), LATER);
    const stranger = await applyRefundEvent(
      t.db,
      view('succeeded', { appointmentId: owed.appointmentId, paymentIntentId: 'pi_other' }),
      LATER,
    );
    expect([pending.kind, stranger.kind]).toEqual(['unchanged', 'unknown']);
    expect((await refundsOf(t, owed.appointmentId)).refundStatus).toBe('REFUND_DUE');
    expect(await eventsOf(t, owed.appointmentId, 'REFUNDED')).toHaveLength(0);
  });
});
