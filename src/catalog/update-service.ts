// Changes some fields of a service; fields left out keep their values.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { services } from '../db/schema/providers.ts';
import type { Service } from '../domain/catalog.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { InvalidInput, NotFound, Ok } from '../domain/outcome.ts';
import { notFound } from '../domain/outcome.ts';
import { checkPaymentTerms, type NewService } from './create-service.ts';
import { updateOne } from './one-row.ts';

export type ServicePatch = Partial<NewService>;

/**
 * Applies `patch` to the service. Existing appointments keep the price, currency, buffer and
 * amount due they were booked with; only later bookings see the change. Leaving DEPOSIT mode
 * clears the deposit unless the patch names one. NOT_FOUND for an unknown or malformed id,
 * VALIDATION_ERROR when a value breaks a table rule (details.reason for payment terms, judged
 * on the service as it would be after the change).
 */
export async function updateService(
  q: Queryable,
  id: string,
  patch: ServicePatch,
): Promise<Ok<Service> | NotFound | InvalidInput> {
  if (!isUuid(id)) return notFound('service');
  const refused = await refusePaymentTerms(q, id, patch);
  if (refused) return refused;
  if (patch.paymentMode !== undefined && patch.paymentMode !== 'DEPOSIT') {
    patch = { depositAmount: null, ...patch };
  }
  const changes = Object.values(patch).some((v) => v !== undefined);
  return updateOne('service', () =>
    changes
      ? q.update(services).set(patch).where(eq(services.id, id)).returning()
      : q.select().from(services).where(eq(services.id, id)),
  );
}

/** checkPaymentTerms on the stored service merged with `patch`, when the patch touches them. */
async function refusePaymentTerms(
  q: Queryable,
  id: string,
  patch: ServicePatch,
): Promise<InvalidInput | null> {
  const { paymentMode, depositAmount, price } = patch;
  if (paymentMode === undefined && depositAmount === undefined && price === undefined) return null;
  const [stored] = await q
    .select({
      paymentMode: services.paymentMode,
      depositAmount: services.depositAmount,
      price: services.price,
    })
    .from(services)
    .where(eq(services.id, id));
  if (!stored) return null;
  const mode = paymentMode ?? stored.paymentMode;
  const leavesDeposit = paymentMode !== undefined && paymentMode !== 'DEPOSIT';
  return checkPaymentTerms({
    paymentMode: mode,
    depositAmount:
      depositAmount !== undefined ? depositAmount : leavesDeposit ? null : stored.depositAmount,
    price: price ?? stored.price,
  });
}
