// A refund whose job gave up (Stripe down past its retries) is sent again by housekeeping and paid once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requeueDueRefunds } from '../../src/jobs/requeue-due-refunds.ts';
import { refundsOf } from '../payments/refund-fixtures.ts';
import { inspector, waitFor } from './job-inspection.ts';
import {
  hoursAhead,
  MIN,
  type PaymentJobsHarness,
  PRICE,
  paidAppointment,
  refundsAtStripe,
  seedPaidParties,
  startPaymentJobs,
} from './payment-jobs-harness.ts';

let h: PaymentJobsHarness;
beforeAll(async () => {
  h = await startPaymentJobs();
});
afterAll(() => h.stop());

/** A REFUND_DUE refund written `minutesAgo` ago with no event, so no job: as if its job had died. */
async function strandedRefund(appointmentId: string, minutesAgo: number): Promise<void> {
  await h.t.pool.query(
    `insert into refunds (appointment_id, payment_id, reason, state, amount, currency, created_at)
     select appointment_id, id, 'CLIENT_CANCELLED', 'REFUND_DUE', amount, currency, $2
     from payments where appointment_id = $1 and state = 'PAID'`,
    [appointmentId, new Date(Date.now() - minutesAgo * MIN)],
  );
}

describe('requeueDueRefunds', () => {
  it('sends a stale refund again once an hour, which refunds it once; a fresh one is left to its job', async () => {
    const p = await seedPaidParties(h);
    const stale = await paidAppointment(h, p, hoursAhead(300));
    const fresh = await paidAppointment(h, p, hoursAhead(302));
    await strandedRefund(stale.appointment.id, 40);
    await strandedRefund(fresh.appointment.id, 5);
    const boss = await inspector(h.t);
    const now = new Date();
    expect(await requeueDueRefunds(boss, h.t.db, now)).toBe(1);
    // The same hour again sends nothing more.
    expect(await requeueDueRefunds(boss, h.t.db, now)).toBe(0);
    await waitFor(async () => {
      const { refunds } = await refundsOf(h.t, stale.appointment.id);
      return refunds[0]?.state === 'REFUNDED';
    }, 20_000);
    expect(refundsAtStripe(h, stale.paymentIntentId)).toEqual([
      expect.objectContaining({ amount: PRICE, status: 'succeeded' }),
    ]);
    expect(refundsAtStripe(h, fresh.paymentIntentId)).toEqual([]);
    expect((await refundsOf(h.t, fresh.appointment.id)).refunds[0]?.state).toBe('REFUND_DUE');
  });
});
