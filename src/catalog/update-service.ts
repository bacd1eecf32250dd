// Changes some fields of a service; fields left out keep their values.
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database.ts';
import { services } from '../db/schema/providers.ts';
import type { Service } from '../domain/catalog.ts';
import { isUuid } from '../domain/is-uuid.ts';
import type { InvalidInput, NotFound, Ok } from '../domain/outcome.ts';
import { notFound } from '../domain/outcome.ts';
import type { NewService } from './create-service.ts';
import { updateOne } from './one-row.ts';

export type ServicePatch = Partial<NewService>;

/**
 * Applies `patch` to the service. Existing appointments keep the price, currency and buffer they
 * were booked with; only later bookings see the change. NOT_FOUND for an unknown or malformed id,
 * VALIDATION_ERROR when a value breaks a table rule.
 */
export async function updateService(
  q: Queryable,
  id: string,
  patch: ServicePatch,
): Promise<Ok<Service> | NotFound | InvalidInput> {
  if (!isUuid(id)) return notFound('service');
  const changes = Object.values(patch).some((v) => v !== undefined);
  return updateOne('service', () =>
    changes
      ? q.update(services).set(patch).where(eq(services.id, id)).returning()
      : q.select().from(services).where(eq(services.id, id)),
  );
}
