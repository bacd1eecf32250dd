// Catalog use cases against PostgreSQL: constraint mapping and atomic schedule replacement.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { CatalogError, guardInput } from '../../src/catalog/catalog-error.ts';
import { createProvider } from '../../src/catalog/create-provider.ts';
import { getAvailability } from '../../src/catalog/get-availability.ts';
import { replaceAvailability } from '../../src/catalog/replace-availability.ts';
import { availability } from '../../src/db/schema/availability.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
let providerId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  const created = await createProvider(
    t.db,
    { name: 'P', type: 'TRAINER', timezone: 'UTC' },
    new Date('2026-11-30T08:00:00Z'),
  );
  if (!created.ok) throw new Error('seed failed');
  providerId = created.value.id;
});

describe('guardInput', () => {
  it('maps the availability_no_overlap exclusion constraint to VALIDATION_ERROR', async () => {
    const result = await guardInput('insert windows', () =>
      t.db.insert(availability).values([
        { providerId, dayOfWeek: 3, startTime: '09:00', endTime: '12:00' },
        { providerId, dayOfWeek: 3, startTime: '11:00', endTime: '13:00' },
      ]),
    );
    expect(result).toMatchObject({
      ok: false,
      code: 'VALIDATION_ERROR',
      details: { constraint: 'availability_no_overlap' },
    });
  });

  it('maps check constraints and data exceptions to VALIDATION_ERROR', async () => {
    const check = await guardInput('insert window', () =>
      t.db
        .insert(availability)
        .values({ providerId, dayOfWeek: 9, startTime: '09:00', endTime: '10:00' }),
    );
    expect(check).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: { constraint: 'availability_day_check' },
    });
    const nul = await guardInput('select', () => t.db.execute(sql`select ${'a\u0000b'}::text`));
    expect(nul).toMatchObject({ code: 'VALIDATION_ERROR' });
  });

  it('rethrows anything else as CatalogError with the cause', async () => {
    const failing = guardInput('select', () => t.db.execute(sql`select * from no_such_table`));
    await expect(failing).rejects.toBeInstanceOf(CatalogError);
    await expect(failing).rejects.toHaveProperty('cause');
  });
});

describe('replaceAvailability', () => {
  it('leaves exactly one of many concurrent schedules, never a mix', async () => {
    const schedules = Array.from({ length: 8 }, (_, i) => [
      { dayOfWeek: i % 7, startTime: '08:00', endTime: '12:00' },
      { dayOfWeek: i % 7, startTime: '13:00', endTime: `${14 + i}:00` },
    ]);
    const results = await Promise.all(
      schedules.map((s) => replaceAvailability(t.db, providerId, s)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const stored = await getAvailability(t.db, providerId);
    if (!stored.ok) throw new Error('provider vanished');
    const plain = stored.value.map(({ dayOfWeek, startTime, endTime }) => ({
      dayOfWeek,
      startTime,
      endTime,
    }));
    expect(schedules).toContainEqual(plain);
  });
});
