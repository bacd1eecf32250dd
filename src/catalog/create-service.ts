// Adds a bookable service (duration, price, booking rules) to a provider.
import type { Queryable } from '../db/database.ts';
import { services } from '../db/schema/providers.ts';
import type { PaymentMode, Service } from '../domain/catalog.ts';
import type { InvalidInput, NotFound, Ok } from '../domain/outcome.ts';
import { invalidInput, notFound } from '../domain/outcome.ts';
import { insertOne } from './one-row.ts';
import { providerExists } from './provider-exists.ts';

/** Fields left out take the table's defaults (free, EUR, no buffer, 60 days ahead, 24 h notice). */
export type NewService = {
  readonly name: string;
  readonly durationMinutes: number;
  /** Integer minor units. */
  readonly price?: number;
  readonly currency?: string;
  readonly bufferTimeMinutes?: number;
  readonly maxAdvanceDays?: number;
  readonly cancellationHours?: number;
  readonly requiresApproval?: boolean;
  readonly minNoticeMinutes?: number;
  /** null: the grid steps by duration plus buffer. */
  readonly slotIntervalMinutes?: number | null;
  readonly isVirtual?: boolean;
  readonly isActive?: boolean;
  /** NONE (default): paid on the day; DEPOSIT or FULL: paid up front when payments are on. */
  readonly paymentMode?: PaymentMode;
  /** Minor units 1..price, exactly when paymentMode is DEPOSIT. */
  readonly depositAmount?: number | null;
  /** Active bookings per provider-local day (1..1000); null or absent: no limit. */
  readonly maxBookingsPerDay?: number | null;
  /** Active bookings per provider-local ISO week (1..10000); null or absent: no limit. */
  readonly maxBookingsPerWeek?: number | null;
};

/** Why a service's payment terms are refused; the table's CHECKs enforce the same rules. */
type PaymentTermsProblem =
  | 'PAID_SERVICE_FREE'
  | 'DEPOSIT_MISSING'
  | 'DEPOSIT_WITHOUT_DEPOSIT_MODE'
  | 'DEPOSIT_OVER_PRICE';

const PROBLEM_TEXT: { readonly [P in PaymentTermsProblem]: string } = {
  PAID_SERVICE_FREE: 'a service paid up front needs a price above 0',
  DEPOSIT_MISSING: 'payment_mode DEPOSIT needs a deposit_amount',
  DEPOSIT_WITHOUT_DEPOSIT_MODE: 'deposit_amount is only allowed with payment_mode DEPOSIT',
  DEPOSIT_OVER_PRICE: 'deposit_amount may not exceed the price',
};

/**
 * The VALIDATION_ERROR (details.reason) for payment terms the table would refuse, or null when
 * `terms` (the service's values after the change) are fine. Checked before writing so the client
 * learns which rule it broke, not just a constraint name.
 */
export function checkPaymentTerms(terms: {
  readonly paymentMode: PaymentMode;
  readonly depositAmount: number | null;
  readonly price: number;
}): InvalidInput | null {
  const problem = paymentTermsProblem(terms);
  if (problem === null) return null;
  return invalidInput(PROBLEM_TEXT[problem], {
    reason: problem,
    payment_mode: terms.paymentMode,
    deposit_amount: terms.depositAmount,
    price: terms.price,
  });
}

function paymentTermsProblem(terms: {
  paymentMode: PaymentMode;
  depositAmount: number | null;
  price: number;
}): PaymentTermsProblem | null {
  if (terms.paymentMode !== 'DEPOSIT' && terms.depositAmount !== null) {
    return 'DEPOSIT_WITHOUT_DEPOSIT_MODE';
  }
  if (terms.paymentMode !== 'NONE' && terms.price <= 0) return 'PAID_SERVICE_FREE';
  if (terms.paymentMode === 'DEPOSIT' && terms.depositAmount === null) return 'DEPOSIT_MISSING';
  if (terms.depositAmount !== null && terms.depositAmount > terms.price) {
    return 'DEPOSIT_OVER_PRICE';
  }
  return null;
}

/**
 * Stores a service of provider `providerId` created at `now`. NOT_FOUND for an unknown provider;
 * VALIDATION_ERROR when a value breaks a table rule (duration 1-1440 minutes, price >= 0, ...),
 * with details.reason for payment terms (see checkPaymentTerms).
 */
export async function createService(
  q: Queryable,
  providerId: string,
  input: NewService,
  now: Date,
): Promise<Ok<Service> | NotFound | InvalidInput> {
  if (!(await providerExists(q, providerId))) return notFound('provider');
  const refused = checkPaymentTerms({
    paymentMode: input.paymentMode ?? 'NONE',
    depositAmount: input.depositAmount ?? null,
    price: input.price ?? 0,
  });
  if (refused) return refused;
  return insertOne('service', () =>
    q
      .insert(services)
      .values({ ...input, providerId, createdAt: now })
      .returning(),
  );
}
