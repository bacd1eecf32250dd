// Seeds the two providers of the slots-over-HTTP benchmark: business hours with appointments and
// external calendar blocks, and one open around the clock on a 15-minute grid.
import type { Database } from '../src/db/database.ts';
import { appointments } from '../src/db/schema/appointments.ts';
import { availability, availabilityOverrides } from '../src/db/schema/availability.ts';
import { clients } from '../src/db/schema/clients.ts';
import { providers, services } from '../src/db/schema/providers.ts';

export type SlotsTarget = { readonly providerId: string; readonly serviceId: string };

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * Business hours: Europe/Berlin, Monday to Friday 09:00-17:00, 30-minute service, `appointments`
 * confirmed appointments on distinct slots and `blocks` one-hour GOOGLE blocks, all within
 * `days` days from `from` (a Monday, midnight UTC).
 */
export async function seedBusinessHours(
  db: Database,
  from: Date,
  counts: { days: number; appointments: number; blocks: number },
): Promise<SlotsTarget> {
  const target = await seedProvider(db, 'Europe/Berlin', 30);
  await db.insert(availability).values(
    [0, 1, 2, 3, 4].map((dayOfWeek) => ({
      providerId: target.providerId,
      dayOfWeek,
      startTime: '09:00',
      endTime: '17:00',
    })),
  );
  const starts = weekdaySlotStarts(from, counts.days);
  // A stride coprime with the slot count picks distinct slots spread over the whole range.
  const picked = Array.from(
    { length: counts.appointments },
    (_, i) => starts[(i * 7) % starts.length],
  );
  const [client] = await db.insert(clients).values({ name: 'Bench', timezone: 'UTC' }).returning();
  if (!client) throw new Error('no client');
  await db.insert(appointments).values(
    picked.map((start = 0) => ({
      providerId: target.providerId,
      clientId: client.id,
      serviceId: target.serviceId,
      startTime: new Date(start),
      endTime: new Date(start + 30 * MINUTE_MS),
      blockedUntil: new Date(start + 30 * MINUTE_MS),
      status: 'CONFIRMED' as const,
      price: 0,
      currency: 'EUR',
    })),
  );
  await db.insert(availabilityOverrides).values(
    Array.from({ length: counts.blocks }, (_, i) => ({
      providerId: target.providerId,
      date: new Date(from.getTime() + Math.floor((i * counts.days) / counts.blocks) * DAY_MS)
        .toISOString()
        .slice(0, 10),
      startTime: i % 2 === 0 ? '12:00' : '15:30',
      endTime: i % 2 === 0 ? '13:00' : '16:30',
      isBlocked: true,
      source: 'GOOGLE' as const,
      externalEventId: `bench-event-${i}`,
    })),
  );
  return target;
}

/** Open 24/7: America/New_York, every day 00:00-24:00, 15-minute service on a 15-minute grid. */
export async function seedAroundTheClock(db: Database): Promise<SlotsTarget> {
  const target = await seedProvider(db, 'America/New_York', 15);
  await db.insert(availability).values(
    [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
      providerId: target.providerId,
      dayOfWeek,
      startTime: '00:00',
      endTime: '24:00',
    })),
  );
  return target;
}

async function seedProvider(db: Database, timezone: string, minutes: number): Promise<SlotsTarget> {
  const [provider] = await db
    .insert(providers)
    .values({ name: `Bench ${timezone}`, type: 'TRAINER', timezone })
    .returning({ id: providers.id });
  if (!provider) throw new Error('no provider');
  const [service] = await db
    .insert(services)
    .values({
      providerId: provider.id,
      name: `${minutes} minutes`,
      durationMinutes: minutes,
      price: 0,
      currency: 'EUR',
      maxAdvanceDays: 365,
    })
    .returning({ id: services.id });
  if (!service) throw new Error('no service');
  return { providerId: provider.id, serviceId: service.id };
}

/** Half-hour starts 09:00-16:30 Berlin summer time (UTC+2) on the weekdays of the range. */
function weekdaySlotStarts(from: Date, days: number): number[] {
  const starts: number[] = [];
  for (let d = 0; d < days; d++) {
    const day = from.getTime() + d * DAY_MS;
    if (new Date(day).getUTCDay() % 6 === 0) continue;
    for (let half = 0; half < 16; half++) starts.push(day + (7 * 60 + half * 30) * MINUTE_MS);
  }
  return starts;
}
