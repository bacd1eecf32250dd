// Refunds from the outbox: cancellations and declines of paid appointments refunded at the Stripe
// fake once, through faults and refusals, and the client told by chat and mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelAppointment } from '../../src/booking/cancel-appointment.ts';
import { declineAppointment } from '../../src/booking/decline-appointment.ts';
import { QUEUES } from '../../src/jobs/queues.ts';
import { eventsOf, refundsOf } from '../payments/refund-fixtures.ts';
import { inspector, jobsOf, waitFor } from './job-inspection.ts';
import {
  dmsTo,
  hoursAhead,
  type PaymentJobsHarness,
  PRICE,
  paidAppointment,
  refundCalls,
  refundsAtStripe,
  seedPaidParties,
  startPaymentJobs,
  subjectsTo,
} from './payment-jobs-harness.ts';

/** Notices of one appointment go out in order; one held behind an earlier one can take 10 s. */
const NOTICE_WAIT_MS = 30_000;

let h: PaymentJobsHarness;
beforeAll(async () => {
  h = await startPaymentJobs();
});
afterAll(() => h.stop());

/** Waits until the appointment's refunds are all settled, and returns them. */
async function settledRefunds(appointmentId: string, count = 1) {
  await waitFor(async () => {
    const { refunds } = await refundsOf(h.t, appointmentId);
    return refunds.length === count && refunds.every((r) => r.state !== 'REFUND_DUE');
  }, 20_000);
  return refundsOf(h.t, appointmentId);
}

const cancelBy = (by: 'CLIENT' | 'PROVIDER', appointmentId: string, actor: string) =>
  cancelAppointment(h.t.db, { appointmentId, actor, by, reason: null }, new Date());

describe('refund jobs', () => {
  it('refunds a client cancelling in time in full, once, and tells the client by chat and mail', async () => {
    const p = await seedPaidParties(h);
    const { appointment, paymentIntentId } = await paidAppointment(h, p, hoursAhead(240));
    const cancelled = await cancelBy('CLIENT', appointment.id, `client:${p.clientId}`);
    expect(cancelled.ok && cancelled.value.refundStatus).toBe('REFUND_DUE');
    const stored = await settledRefunds(appointment.id);
    const [refund] = stored.refunds;
    expect(stored.refundStatus).toBe('REFUNDED');
    expect(refund).toMatchObject({ reason: 'CLIENT_CANCELLED', state: 'REFUNDED', amount: PRICE });
    const atStripe = refundsAtStripe(h, paymentIntentId);
    expect(atStripe).toHaveLength(1);
    expect(atStripe[0]).toMatchObject({
      amount: PRICE,
      status: 'succeeded',
      metadata: { appointment_id: appointment.id },
    });
    expect(refund?.processor_refund_id).toBe(atStripe[0]?.id);
    expect(
      refundCalls(h).filter((c) => c.idempotencyKey === `slotline-refund-${refund?.id}`).length,
    ).toBeGreaterThan(0);
    expect(await eventsOf(h.t, appointment.id, 'REFUNDED')).toEqual([
      expect.objectContaining({
        actor: 'system:payments',
        to_status: 'CANCELLED',
        payload: { refund_id: refund?.id, amount: PRICE, currency: 'EUR' },
      }),
    ]);
    await waitFor(
      () =>
        dmsTo(h, p.clientChat).some((t) => t.startsWith('We refunded')) &&
        subjectsTo(h, p.clientEmail).some((s) => s.startsWith('Refunded:')),
      NOTICE_WAIT_MS,
    );
    const dm = dmsTo(h, p.clientChat).find((t) => t.startsWith('We refunded'));
    expect(dm).toContain('€50.00 for Massage with Anna Weber on ');
    expect(dm).toContain('Send /book to choose another time.');
    const mail = h.mailer.to(p.clientEmail ?? '').find((m) => m.subject.startsWith('Refunded:'));
    expect(mail?.text).toContain('We refunded €50.00 for this appointment.');
    expect(mail?.subject).toMatch(/^Refunded: Massage with Anna Weber, /);
  });

  it('keeps the payment when the client cancels late: NO_REFUND, nothing asked of Stripe', async () => {
    const p = await seedPaidParties(h);
    const { appointment, paymentIntentId } = await paidAppointment(h, p, hoursAhead(3));
    const cancelled = await cancelBy('CLIENT', appointment.id, `client:${p.clientId}`);
    expect(cancelled.ok && cancelled.value.refundStatus).toBe('NO_REFUND');
    const boss = await inspector(h.t);
    await waitFor(async () => {
      const found = await jobsOf(boss, QUEUES.refunds, appointment.id);
      return found.length === 1 && found[0]?.state === 'completed';
    });
    expect((await refundsOf(h.t, appointment.id)).refunds).toEqual([]);
    expect(refundsAtStripe(h, paymentIntentId)).toEqual([]);
  });

  it('refunds in full when the provider cancels, and when the provider declines a request', async () => {
    const p = await seedPaidParties(h);
    const cancelledPaid = await paidAppointment(h, p, hoursAhead(250));
    expect(
      (await cancelBy('PROVIDER', cancelledPaid.appointment.id, `provider:${p.providerId}`)).ok,
    ).toBe(true);
    const request = await paidAppointment(h, p, hoursAhead(260));
    // A service needing approval is confirmed PENDING once paid; here the row is set so directly.
    await h.t.pool.query(`update appointments set status = 'PENDING' where id = $1`, [
      request.appointment.id,
    ]);
    const declined = await declineAppointment(
      h.t.db,
      { appointmentId: request.appointment.id, actor: `provider:${p.providerId}`, reason: null },
      new Date(),
    );
    expect(declined.ok).toBe(true);
    const byCancel = await settledRefunds(cancelledPaid.appointment.id);
    const byDecline = await settledRefunds(request.appointment.id);
    expect(byCancel.refunds[0]).toMatchObject({ reason: 'PROVIDER_CANCELLED', state: 'REFUNDED' });
    expect(byDecline.refunds[0]).toMatchObject({ reason: 'DECLINED', state: 'REFUNDED' });
    expect(refundsAtStripe(h, cancelledPaid.paymentIntentId).map((r) => r.amount)).toEqual([PRICE]);
    expect(refundsAtStripe(h, request.paymentIntentId).map((r) => r.amount)).toEqual([PRICE]);
  });

  it('retries a refund through 429s and 500s and refunds exactly once', async () => {
    const p = await seedPaidParties(h);
    const { appointment, paymentIntentId } = await paidAppointment(h, p, hoursAhead(270));
    const route = { method: 'POST', path: '/v1/refunds' };
    const limited = { kind: 'status', status: 429, retryAfterSeconds: 0 } as const;
    const down = { kind: 'status', status: 500 } as const;
    // More than the gateway's own retries: the first job attempt ends PAYMENT_UNAVAILABLE.
    h.fake.faults.add(route, limited, limited, limited, down, down, down);
    expect((await cancelBy('PROVIDER', appointment.id, 'admin')).ok).toBe(true);
    const stored = await settledRefunds(appointment.id);
    expect(stored.refunds[0]?.state).toBe('REFUNDED');
    expect(h.fake.faults.pending()).toBe(0);
    expect(refundsAtStripe(h, paymentIntentId)).toHaveLength(1);
    const boss = await inspector(h.t);
    const [job] = await jobsOf(boss, QUEUES.refunds, appointment.id);
    expect(job?.retryCount).toBeGreaterThan(0);
    expect(await eventsOf(h.t, appointment.id, 'REFUNDED')).toHaveLength(1);
  });

  it('records a refund Stripe refuses as REFUND_FAILED and tells the client who will sort it out', async () => {
    const p = await seedPaidParties(h);
    const { appointment, paymentIntentId } = await paidAppointment(h, p, hoursAhead(280));
    // Refunded by hand in the dashboard first: Stripe then refuses (charge_already_refunded).
    const manual = await h.gateway.refund({
      paymentIntentId,
      idempotencyKey: 'dashboard',
      appointmentId: appointment.id,
    });
    expect(manual.ok).toBe(true);
    expect((await cancelBy('PROVIDER', appointment.id, 'admin')).ok).toBe(true);
    const stored = await settledRefunds(appointment.id);
    expect(stored.refundStatus).toBe('REFUND_FAILED');
    expect(stored.refunds[0]).toMatchObject({ state: 'REFUND_FAILED', processor_refund_id: null });
    expect(stored.refunds[0]?.failure).toContain('charge_already_refunded');
    expect(await eventsOf(h.t, appointment.id, 'REFUND_FAILED')).toHaveLength(1);
    await waitFor(
      () =>
        dmsTo(h, p.clientChat).some((t) => t.startsWith('We could not refund')) &&
        subjectsTo(h, p.clientEmail).some((s) => s.startsWith('Refund not completed:')),
      NOTICE_WAIT_MS,
    );
    const dm = dmsTo(h, p.clientChat).find((t) => t.startsWith('We could not refund'));
    expect(dm).toContain('the €50.00 you paid for Massage with Anna Weber');
    expect(dm).toContain('Anna Weber will be in touch to pay it back.');
    expect(dm).toContain('Send /book to choose another time.');
  });
});
