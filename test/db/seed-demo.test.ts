// The demo data: seeded into an empty database only, and it shows real slots.
import { describe, expect, it } from 'vitest';
import { listSlots } from '../../src/booking/list-slots.ts';
import { providers, services } from '../../src/db/schema/providers.ts';
import { seedDemo } from '../../src/db/seed-demo.ts';
import { createTestDatabase } from '../support/test-database.ts';

describe('seedDemo', () => {
  it('seeds once, even when called concurrently, and the demo provider has slots', async () => {
    const t = await createTestDatabase();
    const results = await Promise.all([seedDemo(t.db), seedDemo(t.db), seedDemo(t.db)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await seedDemo(t.db)).toBe(false);
    const [provider] = await t.db.select().from(providers);
    expect(await t.db.select().from(providers)).toHaveLength(1);
    const [service] = await t.db.select().from(services).limit(1);
    if (!provider || !service) throw new Error('no demo data');
    // A Tuesday, seen from the Monday before.
    const now = new Date('2026-11-30T08:00:00Z');
    const r = await listSlots(
      t.db,
      { providerId: provider.id, serviceId: service.id, from: '2026-12-01', days: 1 },
      now,
    );
    expect(r.ok && r.value.slots.length).toBeGreaterThan(5);
  });
});
