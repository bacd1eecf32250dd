// Unpaid holds from the outbox: released at their end (checkout expired at the Stripe fake, client
// told), confirmed when the checkout turns out paid, closed when the client gives the hold up,
// and swept by housekeeping when their job was lost.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelAppointment } from '../../src/booking/cancel-appointment.ts';
import { insertBooking } from '../../src/booking/insert-booking.ts';
import { sweepLapsedHolds } from '../../src/jobs/housekeeping.ts';
import type { JobsDeps } from '../../src/jobs/jobs-deps.ts';
import { QUEUES } from '../../src/jobs/queues.ts';
import { eventsOf } from '../payments/refund-fixtures.ts';
import { inspector, jobsOf, waitFor } from './job-inspection.ts';
import type { Parties } from './jobs-fixtures.ts';
import { silentLogger } from './jobs-fixtures.ts';
import {
  dmsTo,
  holdWithCheckout,
  hoursAhead,
  MIN,
  type PaymentJobsHarness,
  PRICE,
  seedPaidParties,
  startPaymentJobs,
  subjectsTo,
} from './payment-jobs-harness.ts';

const NOTICE_WAIT_MS = 30_000;

let h: PaymentJobsHarness;
beforeAll(async () => {
  h = await startPaymentJobs();
});
afterAll(() => h.stop());

/** Booked 20 minutes ago, so its 15-minute hold ended 5 minutes ago and its job is due now. */
const twentyMinutesAgo = () => new Date(Date.now() - 20 * MIN);

async function stateOf(appointmentId: string) {
  const { rows } = await h.t.pool.query<{
    status: string;
    hold_expires_at: Date | null;
    cancelled_by: string | null;
    cancellation_reason: string | null;
    payments: string[];
  }>(
    `select status, hold_expires_at, cancelled_by, cancellation_reason,
       array(select state from payments where appointment_id = a.id order by created_at) as payments
     from appointments a where id = $1`,
    [appointmentId],
  );
  return rows[0];
}

/** Books the same slot again, as another client would once it is offered again. */
async function rebook(p: Parties, start: Date) {
  const end = new Date(start.getTime() + 60 * MIN);
  return insertBooking(
    h.t.pool,
    {
      providerId: p.providerId,
      clientId: p.clientId,
      serviceId: p.serviceId,
      startTime: start,
      endTime: end,
      blockedUntil: end,
      status: 'CONFIRMED',
      amountDue: 0,
      holdExpiresAt: null,
      notes: null,
      price: PRICE,
      currency: 'EUR',
      actor: 'admin',
      key: { scope: 'admin', key: randomBytes(8).toString('hex'), requestHash: 'h' },
    },
    new Date(),
  );
}

describe('hold jobs', () => {
  it('releases a hold at its end: slot free again, checkout expired at Stripe, client told', async () => {
    const p = await seedPaidParties(h);
    const start = hoursAhead(240);
    const { hold, sessionId } = await holdWithCheckout(h, p, start, twentyMinutesAgo());
    await waitFor(async () => (await stateOf(hold.id))?.status === 'CANCELLED', 20_000);
    expect(await stateOf(hold.id)).toEqual({
      status: 'CANCELLED',
      hold_expires_at: null,
      cancelled_by: 'CLIENT',
      cancellation_reason: 'payment not received in time',
      payments: ['EXPIRED'],
    });
    expect(h.fake.sessions().find((s) => s.id === sessionId)?.status).toBe('expired');
    expect(await eventsOf(h.t, hold.id, 'HOLD_EXPIRED')).toEqual([
      expect.objectContaining({ actor: 'system:payments', to_status: 'CANCELLED' }),
    ]);
    await waitFor(
      () =>
        dmsTo(h, p.clientChat).some((t) => t.includes('did not arrive in time')) &&
        subjectsTo(h, p.clientEmail).some((s) => s.startsWith('Released:')),
      NOTICE_WAIT_MS,
    );
    const dm = dmsTo(h, p.clientChat).find((t) => t.includes('did not arrive in time'));
    expect(dm).toContain('The €50.00 payment for Massage with Anna Weber on ');
    expect(dm).toContain('Send /book to choose another time.');
    const sent = h.messenger.sent.find((s) => s.message.text === dm);
    expect(sent?.message.buttons?.flat().map((b) => b.label)).toEqual(['Book again']);
    // The provider never heard of the hold, and hears nothing of its end.
    expect(dmsTo(h, p.providerChat)).toEqual([]);
    expect(subjectsTo(h, p.providerEmail)).toEqual([]);
    // The slot is offered again: another booking of the same time is accepted.
    expect((await rebook(p, start)).status).toBe('CONFIRMED');
  });

  it('confirms a hold whose checkout turns out paid before its end instead of releasing it', async () => {
    const p = await seedPaidParties(h);
    const { hold, sessionId } = await holdWithCheckout(h, p, hoursAhead(250), twentyMinutesAgo());
    // The client paid 10 minutes ago, within the hold, but the webhook never came.
    const intent = h.atFakeOffset(-10 * MIN, () => h.fake.pay(sessionId));
    await waitFor(async () => (await stateOf(hold.id))?.status !== 'AWAITING_PAYMENT', 20_000);
    expect(await stateOf(hold.id)).toMatchObject({ status: 'CONFIRMED', payments: ['PAID'] });
    const { rows } = await h.t.pool.query(
      'select payment_intent_id from payments where appointment_id = $1',
      [hold.id],
    );
    expect(rows[0]?.payment_intent_id).toBe(intent.id);
    expect(await eventsOf(h.t, hold.id, 'PAID')).toHaveLength(1);
    expect(await eventsOf(h.t, hold.id, 'HOLD_EXPIRED')).toEqual([]);
    expect(h.fake.refunds().filter((r) => r.payment_intent === intent.id)).toEqual([]);
  });

  it('releases a hold whose checkout was paid only after its end, and owes the payment back', async () => {
    const p = await seedPaidParties(h);
    const { hold, sessionId } = await holdWithCheckout(h, p, hoursAhead(255), twentyMinutesAgo());
    // Paid 2 minutes ago: 3 minutes after the hold ended, before its job ran.
    const intent = h.atFakeOffset(-2 * MIN, () => h.fake.pay(sessionId));
    await waitFor(async () => (await stateOf(hold.id))?.status !== 'AWAITING_PAYMENT', 20_000);
    expect(await stateOf(hold.id)).toMatchObject({ status: 'CANCELLED', payments: ['PAID'] });
    expect(await eventsOf(h.t, hold.id, 'PAID')).toEqual([]);
    expect(await eventsOf(h.t, hold.id, 'HOLD_EXPIRED')).toHaveLength(1);
    await waitFor(
      async () => h.fake.refunds().some((r) => r.payment_intent === intent.id),
      NOTICE_WAIT_MS,
    );
  });

  it('closes the checkout of a hold the client gives up, and tells nobody', async () => {
    const p = await seedPaidParties(h);
    const { hold, sessionId } = await holdWithCheckout(h, p, hoursAhead(260));
    const cancelled = await cancelAppointment(
      h.t.db,
      { appointmentId: hold.id, actor: `client:${p.clientId}`, by: 'CLIENT', reason: null },
      new Date(),
    );
    expect(cancelled.ok && cancelled.value).toMatchObject({
      status: 'CANCELLED',
      refundStatus: 'NONE',
      holdExpiresAt: null,
    });
    await waitFor(async () => (await stateOf(hold.id))?.payments[0] === 'EXPIRED', 20_000);
    expect(h.fake.sessions().find((s) => s.id === sessionId)?.status).toBe('expired');
    const boss = await inspector(h.t);
    await waitFor(async () => {
      const found = await jobsOf(boss, QUEUES.refunds, hold.id);
      return found[0]?.state === 'completed';
    });
    expect(dmsTo(h, p.providerChat)).toEqual([]);
    expect(subjectsTo(h, p.providerEmail)).toEqual([]);
    expect(subjectsTo(h, p.clientEmail)).toEqual([]);
  });

  it('releases a hold anyway when Stripe is down, and a housekeeping sweep catches a lost job', async () => {
    const p = await seedPaidParties(h);
    // Straight into the table: no BOOKED event, so no job, as if it had been lost.
    const { hold, sessionId } = await holdWithCheckout(h, p, hoursAhead(270), twentyMinutesAgo());
    await h.t.pool.query('delete from appointment_events where appointment_id = $1', [hold.id]);
    const down = { kind: 'status', status: 503 } as const;
    h.fake.faults.add(
      { method: 'POST', path: `/v1/checkout/sessions/${sessionId}/expire` },
      down,
      down,
      down,
      down,
    );
    const deps: JobsDeps = {
      db: h.t.db,
      messenger: h.messenger,
      mailer: h.mailer,
      logger: silentLogger,
      clock: () => new Date(),
      payments: {
        gateway: h.gateway,
        holdMinutes: 15,
        telegramProviderToken: undefined,
        returnBaseUrl: 'http://127.0.0.1:9',
      },
    };
    const released = await sweepLapsedHolds(deps, new Date());
    expect(released).toBeGreaterThanOrEqual(1);
    expect(await stateOf(hold.id)).toMatchObject({ status: 'CANCELLED', payments: ['EXPIRED'] });
    expect(await eventsOf(h.t, hold.id, 'HOLD_EXPIRED')).toHaveLength(1);
    // The page stayed open at Stripe: a payment made there now is refunded by recordPayment.
    expect(h.fake.sessions().find((s) => s.id === sessionId)?.status).toBe('open');
    expect(await sweepLapsedHolds(deps, new Date())).toBe(0);
  });
});
