// Gives an empty database a demo provider, services, weekly schedule and client, so the first
// `npm start` shows real slots.
import { sql } from 'drizzle-orm';
import type { Database } from './database.ts';
import { availability } from './schema/availability.ts';
import { clients } from './schema/clients.ts';
import { providers, services } from './schema/providers.ts';

const WEEKDAYS = [0, 1, 2, 3, 4];

/**
 * Seeds only when there are no providers at all; safe when several instances start together
 * (transaction advisory lock). Returns true when it seeded.
 */
export async function seedDemo(db: Database): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('slotline:seed-demo', 0))`);
    const existing = await tx.select({ id: providers.id }).from(providers).limit(1);
    if (existing.length > 0) return false;
    const [provider] = await tx
      .insert(providers)
      .values({
        name: 'Dr. Anna Weber',
        type: 'DOCTOR',
        timezone: 'Europe/Berlin',
        bio: 'General practitioner (demo provider).',
        email: 'anna.weber@example.com',
      })
      .returning({ id: providers.id });
    if (!provider) return false;
    await tx.insert(services).values([
      {
        providerId: provider.id,
        name: 'Consultation',
        durationMinutes: 30,
        price: 6000,
        currency: 'EUR',
        bufferTimeMinutes: 10,
        cancellationHours: 24,
      },
      {
        providerId: provider.id,
        name: 'Video follow-up',
        durationMinutes: 15,
        price: 3000,
        currency: 'EUR',
        isVirtual: true,
        cancellationHours: 12,
      },
      {
        providerId: provider.id,
        name: 'Extended check-up',
        durationMinutes: 60,
        price: 12000,
        currency: 'EUR',
        bufferTimeMinutes: 15,
        requiresApproval: true,
        minNoticeMinutes: 24 * 60,
      },
    ]);
    await tx.insert(availability).values(
      WEEKDAYS.flatMap((day) => [
        { providerId: provider.id, dayOfWeek: day, startTime: '09:00', endTime: '12:00' },
        { providerId: provider.id, dayOfWeek: day, startTime: '13:00', endTime: '17:00' },
      ]),
    );
    await tx
      .insert(clients)
      .values({ name: 'Demo Client', email: 'client@example.com', timezone: 'Europe/London' });
    return true;
  });
}
