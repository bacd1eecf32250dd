// The catalog as chat flows read it: active providers and services, names for matching words.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { providers, services } from '../db/schema/providers.ts';
import type { Provider, Service } from '../domain/catalog.ts';
import { isUuid } from '../domain/is-uuid.ts';

/** Reading more than this many names to match words against would be a different design. */
const MATCH_LIMIT = 500;

export type ProviderChoice = Pick<Provider, 'id' | 'name' | 'type'>;

/**
 * One page of active providers by name, restricted to `only` when given; `more` says whether a
 * further page exists.
 */
export async function activeProvidersPage(
  db: Database,
  only: readonly string[] | null,
  page: number,
  size: number,
): Promise<{ items: ProviderChoice[]; more: boolean }> {
  const rows = await db
    .select({ id: providers.id, name: providers.name, type: providers.type })
    .from(providers)
    .where(and(eq(providers.isActive, true), only ? inArray(providers.id, [...only]) : undefined))
    .orderBy(asc(providers.name), asc(providers.id))
    .limit(size + 1)
    .offset(page * size);
  return { items: rows.slice(0, size), more: rows.length > size };
}

export async function activeProvider(db: Database, id: string): Promise<Provider | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select()
    .from(providers)
    .where(and(eq(providers.id, id), eq(providers.isActive, true)));
  return row ?? null;
}

/** The provider's active services, oldest first. */
export function activeServices(db: Database, providerId: string): Promise<Service[]> {
  return db
    .select()
    .from(services)
    .where(and(eq(services.providerId, providerId), eq(services.isActive, true)))
    .orderBy(asc(services.createdAt), asc(services.id));
}

export type NamedService = { id: string; name: string; providerId: string };

/** Names of active providers and of their active services, for matching typed words. */
export async function bookableNames(
  db: Database,
): Promise<{ providers: ProviderChoice[]; services: NamedService[] }> {
  const [providerRows, serviceRows] = await Promise.all([
    db
      .select({ id: providers.id, name: providers.name, type: providers.type })
      .from(providers)
      .where(eq(providers.isActive, true))
      .orderBy(asc(providers.name), asc(providers.id))
      .limit(MATCH_LIMIT),
    db
      .select({ id: services.id, name: services.name, providerId: services.providerId })
      .from(services)
      .innerJoin(providers, eq(providers.id, services.providerId))
      .where(and(eq(services.isActive, true), sql`${providers.isActive}`))
      .orderBy(asc(services.createdAt), asc(services.id))
      .limit(MATCH_LIMIT * 4),
  ]);
  return { providers: providerRows, services: serviceRows };
}
