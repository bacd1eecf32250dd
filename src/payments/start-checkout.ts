// Gives an unpaid hold its payment link: the stored one, or a new Stripe Checkout Session.
import { and, eq, isNotNull } from 'drizzle-orm';
import { StoreError } from '../booking/store-errors.ts';
import type { Database } from '../db/database.ts';
import { appointments } from '../db/schema/appointments.ts';
import { payments } from '../db/schema/payments.ts';
import { services } from '../db/schema/providers.ts';
import type { Appointment, AppointmentStatus } from '../domain/appointment.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { NotFound, Ok } from '../domain/outcome.ts';
import { notFound } from '../domain/outcome.ts';
import type { PaymentDeps } from './payment-deps.ts';

/** A link to pay `amount` (Slotline minor units) in `currency` before `holdExpiresAt`. */
export type CheckoutLink = {
  readonly url: string;
  readonly amount: number;
  readonly currency: string;
  readonly holdExpiresAt: Date;
};

export type CheckoutStart =
  | Ok<CheckoutLink>
  | NotFound
  | {
      readonly ok: false;
      readonly code: 'NOT_AWAITING_PAYMENT';
      readonly status: AppointmentStatus;
    }
  | { readonly ok: false; readonly code: 'PAYMENT_UNAVAILABLE' }
  /** The processor will not charge this amount in this currency (too small, too large). */
  | { readonly ok: false; readonly code: 'AMOUNT_NOT_CHARGEABLE'; readonly reason: string };

const MINUTE_MS = 60_000;
/** How long the payment page outlives the hold, so a client paying at the last second can. */
const PAGE_GRACE_MS = 35 * MINUTE_MS;
/** Stripe's window for expires_at: 30 minutes to 24 hours after the session is created. */
const STRIPE_MIN_AHEAD_MS = 30 * MINUTE_MS;
const STRIPE_MAX_AHEAD_MS = 24 * 60 * MINUTE_MS;
/** Margin against the clock moving between our check and Stripe's. */
const CLOCK_MARGIN_MS = MINUTE_MS;

/**
 * The checkout link of appointment `appointmentId`, which must be AWAITING_PAYMENT with its hold
 * not yet passed at `now` (else NOT_AWAITING_PAYMENT with its status). Idempotent: an OPEN
 * payment with a link is returned as it is, with no processor call; otherwise the gateway is
 * asked (no transaction is open during the call; its idempotency key, derived from the
 * appointment, makes a repeat return the same session) and the OPEN payment row is stored once.
 * The page closes at a time derived from the appointment only (see pageExpiresAt), so every retry
 * sends the same request. PAYMENT_UNAVAILABLE when the processor stays down; AMOUNT_NOT_CHARGEABLE
 * when it refuses the amount. Throws StoreError on database faults and PaymentFault on a
 * processor refusal that is a bug.
 */
export async function startCheckout(
  db: Database,
  deps: PaymentDeps,
  appointmentId: string,
  now: Date,
): Promise<CheckoutStart> {
  if (!isUuid(appointmentId)) return notFound('appointment');
  const found = await readHold(db, appointmentId);
  if (!found) return notFound('appointment');
  const { appointment, serviceName, openUrl } = found;
  const holdExpiresAt = appointment.holdExpiresAt;
  if (appointment.status !== 'AWAITING_PAYMENT' || holdExpiresAt === null || holdExpiresAt <= now) {
    return { ok: false, code: 'NOT_AWAITING_PAYMENT', status: appointment.status };
  }
  const link = (url: string): Ok<CheckoutLink> => ({
    ok: true,
    value: { url, amount: appointment.amountDue, currency: appointment.currency, holdExpiresAt },
  });
  if (openUrl !== null) return link(openUrl);
  const expiresAt = pageExpiresAt(appointment, holdExpiresAt);
  // A page that would close outside Stripe's window from now cannot be made (only holds near 24 h).
  if (expiresAt.getTime() - now.getTime() < STRIPE_MIN_AHEAD_MS + CLOCK_MARGIN_MS) {
    return { ok: false, code: 'PAYMENT_UNAVAILABLE' };
  }
  const created = await deps.gateway.createCheckout({
    appointmentId,
    price: appointment.amountDue,
    currency: appointment.currency,
    description: serviceName,
    successUrl: returnUrl(deps.returnBaseUrl, 'paid'),
    cancelUrl: returnUrl(deps.returnBaseUrl, 'cancelled'),
    expiresAt,
  });
  if (!created.ok) return created;
  await storeOpenPayment(db, appointment, created, now);
  return link(created.url);
}

/**
 * When the payment page closes: 35 minutes after the hold ends, so any moment of the hold leaves
 * Stripe's 30 minutes, capped below 24 hours after the booking was made. Derived from stored
 * values only: a retried call sends the same expires_at, as the idempotency key requires.
 */
function pageExpiresAt(appointment: Appointment, holdExpiresAt: Date): Date {
  const latest = appointment.createdAt.getTime() + STRIPE_MAX_AHEAD_MS - CLOCK_MARGIN_MS;
  return new Date(Math.min(holdExpiresAt.getTime() + PAGE_GRACE_MS, latest));
}

/** GET /payments/return on the public base URL; carries no ids, so the page shows no data. */
function returnUrl(base: string, result: 'paid' | 'cancelled'): string {
  return `${base.replace(/\/+$/, '')}/payments/return?result=${result}`;
}

async function readHold(db: Database, appointmentId: string) {
  try {
    const [row] = await db
      .select({ appointment: appointments, serviceName: services.name })
      .from(appointments)
      .innerJoin(services, eq(services.id, appointments.serviceId))
      .where(eq(appointments.id, appointmentId));
    if (!row) return null;
    const [open] = await db
      .select({ url: payments.checkoutUrl })
      .from(payments)
      .where(
        and(
          eq(payments.appointmentId, appointmentId),
          eq(payments.state, 'OPEN'),
          isNotNull(payments.checkoutUrl),
        ),
      )
      .limit(1);
    return { ...row, openUrl: open?.url ?? null };
  } catch (error) {
    throw new StoreError('reading a hold for checkout failed', { cause: error });
  }
}

/** The OPEN row; a webhook that stored the session first (as PAID) wins, and this writes nothing. */
async function storeOpenPayment(
  db: Database,
  appointment: Appointment,
  session: { readonly sessionId: string; readonly url: string },
  now: Date,
): Promise<void> {
  try {
    await db
      .insert(payments)
      .values({
        appointmentId: appointment.id,
        method: 'STRIPE_CHECKOUT',
        state: 'OPEN',
        amount: appointment.amountDue,
        currency: appointment.currency,
        checkoutSessionId: session.sessionId,
        checkoutUrl: session.url,
        createdAt: now,
      })
      .onConflictDoNothing({ target: payments.checkoutSessionId });
  } catch (error) {
    throw new StoreError('storing a checkout session failed', { cause: error });
  }
}
