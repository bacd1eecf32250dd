// Test data written straight through the schema: a provider with a service, a schedule and a client.
import type { Database } from '../../src/db/database.ts';
import { availability } from '../../src/db/schema/availability.ts';
import { clients } from '../../src/db/schema/clients.ts';
import { providers, services } from '../../src/db/schema/providers.ts';

export type Fixture = { providerId: string; serviceId: string; clientId: string; timezone: string };

type ServiceOptions = Partial<typeof services.$inferInsert>;

/** Monday 2026-11-30 07:00 in Berlin: a fixed "now" for tests. */
export const MONDAY_MORNING = new Date('2026-11-30T06:00:00Z');

/**
 * A provider in `timezone` working Mon-Fri 09:00-17:00, one service (default 60 min, no buffer,
 * price 5000) and one client.
 */
export async function createFixture(
  db: Database,
  options: {
    timezone?: string;
    service?: ServiceOptions;
    windows?: [number, string, string][];
  } = {},
): Promise<Fixture> {
  const timezone = options.timezone ?? 'Europe/Berlin';
  const [provider] = await db
    .insert(providers)
    .values({ name: 'Test Provider', type: 'DOCTOR', timezone })
    .returning();
  if (!provider) throw new Error('no provider');
  const serviceId = await addService(db, provider.id, options.service ?? {});
  const windows =
    options.windows ?? [0, 1, 2, 3, 4].map((d): [number, string, string] => [d, '09:00', '17:00']);
  await db.insert(availability).values(
    windows.map(([dayOfWeek, startTime, endTime]) => ({
      providerId: provider.id,
      dayOfWeek,
      startTime,
      endTime,
    })),
  );
  const clientId = await addClient(db);
  return { providerId: provider.id, serviceId, clientId, timezone };
}

export async function addService(
  db: Database,
  providerId: string,
  options: ServiceOptions = {},
): Promise<string> {
  const [service] = await db
    .insert(services)
    .values({
      name: 'Session',
      durationMinutes: 60,
      price: 5000,
      currency: 'EUR',
      ...options,
      providerId,
    })
    .returning();
  if (!service) throw new Error('no service');
  return service.id;
}

export async function addClient(db: Database, name = 'Test Client'): Promise<string> {
  const [client] = await db.insert(clients).values({ name, timezone: 'Europe/London' }).returning();
  if (!client) throw new Error('no client');
  return client.id;
}
