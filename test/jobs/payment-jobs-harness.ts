// pg-boss on the test database with the real Stripe gateway against the Stripe fake, and paid holds.
import { randomBytes } from 'node:crypto';
import { insertBooking } from '../../src/booking/insert-booking.ts';
import type { Appointment } from '../../src/domain/appointment.ts';
import { type Jobs, startJobs } from '../../src/jobs/start-jobs.ts';
import { createStripeGateway } from '../../src/payments/stripe-gateway.ts';
import type { PaymentGateway } from '../../src/ports/payment-gateway.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { type FakeStripe, startFakeStripe } from '../fakes/stripe-api.ts';
import { payHold, storeOpenCheckout } from '../payments/refund-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { type Parties, RecordingMailer, seedParties, silentLogger } from './jobs-fixtures.ts';

const secretKey = 'sk_test_jobs_SECRET';
const webhookSecret = 'whsec_jobs_SECRET';
export const MIN = 60_000;
export const PRICE = 5000;

export type PaymentJobsHarness = {
  readonly t: TestDatabase;
  readonly fake: FakeStripe;
  readonly gateway: PaymentGateway;
  readonly jobs: Jobs;
  readonly mailer: RecordingMailer;
  readonly messenger: RecordingMessenger;
  /** Runs `work` with the Stripe fake's clock `ms` behind real time (a payment made earlier). */
  atFakeOffset<T>(ms: number, work: () => T): T;
  stop(): Promise<void>;
};

/** The jobs with payments on: quick retries (1 s, doubling), the relay every 200 ms. */
export async function startPaymentJobs(): Promise<PaymentJobsHarness> {
  const t = await createTestDatabase();
  let offset = 0;
  const fake = await startFakeStripe({
    secretKey,
    webhookSecret,
    now: () => new Date(Date.now() + offset),
  });
  const gateway = createStripeGateway({
    secretKey,
    webhookSecret,
    apiBase: fake.apiBase,
    timeoutMs: 2_000,
    maxNetworkRetries: 1,
    logger: silentLogger,
  });
  const mailer = new RecordingMailer();
  const messenger = new RecordingMessenger();
  const payments = {
    gateway,
    holdMinutes: 15,
    telegramProviderToken: undefined,
    returnBaseUrl: 'http://127.0.0.1:9',
  };
  const jobs = await startJobs(
    {
      databaseUrl: t.url,
      db: t.db,
      messenger,
      mailer,
      logger: silentLogger,
      clock: () => new Date(),
      payments,
    },
    {
      pollingIntervalSeconds: 0.5,
      relayIntervalMs: 200,
      retry: { retryLimit: 5, retryDelaySeconds: 1 },
    },
  );
  return {
    t,
    fake,
    gateway,
    jobs,
    mailer,
    messenger,
    atFakeOffset(ms, work) {
      offset = ms;
      try {
        return work();
      } finally {
        offset = 0;
      }
    },
    async stop() {
      await jobs.stop(2_000);
      await fake.close();
    },
  };
}

/** A provider with a FULL-price 60-minute Massage (cancellation 24 h) and a client, chat and mail. */
export function seedPaidParties(h: PaymentJobsHarness): Promise<Parties> {
  return seedParties(h.t, {
    service: { paymentMode: 'FULL', price: PRICE, cancellationHours: 24 },
  });
}

/** A whole second `hours` from now: booking times that stay clear of reminders and each other. */
export function hoursAhead(hours: number): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000 + hours * 3_600_000);
}

/** An AWAITING_PAYMENT hold booked at `bookedAt`, ending 15 minutes later, with its open checkout. */
export async function holdWithCheckout(
  h: PaymentJobsHarness,
  p: Parties,
  start: Date,
  bookedAt = new Date(),
): Promise<{ hold: Appointment; sessionId: string }> {
  const end = new Date(start.getTime() + 60 * MIN);
  const hold = await insertBooking(
    h.t.pool,
    {
      providerId: p.providerId,
      clientId: p.clientId,
      serviceId: p.serviceId,
      startTime: start,
      endTime: end,
      blockedUntil: end,
      status: 'AWAITING_PAYMENT',
      amountDue: PRICE,
      holdExpiresAt: new Date(bookedAt.getTime() + 15 * MIN),
      notes: null,
      price: PRICE,
      currency: 'EUR',
      actor: `client:${p.clientId}`,
      key: {
        scope: `client:${p.clientId}`,
        key: randomBytes(8).toString('hex'),
        requestHash: 'h',
      },
    },
    bookedAt,
  );
  const created = await h.gateway.createCheckout({
    appointmentId: hold.id,
    price: PRICE,
    currency: 'EUR',
    description: 'Massage',
    successUrl: 'http://127.0.0.1:9/paid',
    cancelUrl: 'http://127.0.0.1:9/cancelled',
    expiresAt: new Date(Date.now() + 60 * MIN),
  });
  if (!created.ok) throw new Error(`checkout refused: ${created.code}`);
  await storeOpenCheckout(h.t, hold, created.sessionId, bookedAt);
  return { hold, sessionId: created.sessionId };
}

/** A CONFIRMED appointment at `start`, paid in full through the fake's checkout. */
export async function paidAppointment(
  h: PaymentJobsHarness,
  p: Parties,
  start: Date,
): Promise<{ appointment: Appointment; paymentIntentId: string }> {
  const { hold, sessionId } = await holdWithCheckout(h, p, start);
  const intent = h.fake.pay(sessionId);
  const appointment = await payHold(
    h.t,
    hold,
    { sessionId, paymentIntentId: intent.id },
    new Date(),
  );
  return { appointment, paymentIntentId: intent.id };
}

/** The DMs to `user`, texts only. */
export function dmsTo(h: PaymentJobsHarness, user: string | null): string[] {
  return h.messenger.sent.filter((s) => s.to.platformUserId === user).map((s) => s.message.text);
}

/** The subjects of the mails to `address`. */
export function subjectsTo(h: PaymentJobsHarness, address: string | null): string[] {
  return h.mailer.to(address ?? '').map((m) => m.subject);
}

/** The fake's refunds of one payment intent. */
export function refundsAtStripe(h: PaymentJobsHarness, paymentIntentId: string) {
  return h.fake.refunds().filter((r) => r.payment_intent === paymentIntentId);
}

/** The refund requests the fake served (after faults), with their idempotency keys. */
export function refundCalls(h: PaymentJobsHarness) {
  return h.fake.calls.filter((c) => c.method === 'POST' && c.path === '/v1/refunds');
}
