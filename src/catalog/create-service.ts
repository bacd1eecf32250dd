// Adds a bookable service (duration, price, booking rules) to a provider.
import type { Queryable } from '../db/database.ts';
import { services } from '../db/schema/providers.ts';
import type { Service } from '../domain/catalog.ts';
import type { InvalidInput, NotFound, Ok } from '../domain/outcome.ts';
import { notFound } from '../domain/outcome.ts';
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
};

/**
 * Stores a service of provider `providerId` created at `now`. NOT_FOUND for an unknown provider;
 * VALIDATION_ERROR when a value breaks a table rule (duration 1-1440 minutes, price >= 0, ...).
 */
export async function createService(
  q: Queryable,
  providerId: string,
  input: NewService,
  now: Date,
): Promise<Ok<Service> | NotFound | InvalidInput> {
  if (!(await providerExists(q, providerId))) return notFound('provider');
  return insertOne('service', () =>
    q
      .insert(services)
      .values({ ...input, providerId, createdAt: now })
      .returning(),
  );
}
