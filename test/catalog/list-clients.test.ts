// listClients against PostgreSQL: keyset paging on microsecond timestamps and id ties.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { listClients } from '../../src/catalog/list-clients.ts';
import type { PageRequest } from '../../src/catalog/page.ts';
import { clients } from '../../src/db/schema/clients.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  // Inserted out of order; instants differ only in microseconds, which a JavaScript Date drops,
  // and the last two share an instant, so only the id orders them.
  const instants = [
    '2026-11-30T08:00:00.000003Z',
    '2026-11-30T08:00:00.000001Z',
    '2026-11-30T08:00:00.000002Z',
    '2026-11-30T07:00:00.000000Z',
    '2026-11-30T08:00:00.000002Z',
  ];
  await t.db.insert(clients).values(
    instants.map((at, i) => ({
      name: `C${i}`,
      timezone: 'UTC',
      createdAt: sql`${at}::timestamptz`,
    })),
  );
});

async function everyId(limit: number): Promise<string[]> {
  const ids: string[] = [];
  let request: PageRequest = { limit, cursor: null };
  for (;;) {
    const result = await listClients(t.db, request);
    if (!result.ok) throw new Error(result.message);
    expect(result.value.items.length).toBeLessThanOrEqual(limit);
    ids.push(...result.value.items.map((c) => c.id));
    if (result.value.nextCursor === null) return ids;
    request = { limit, cursor: result.value.nextCursor };
  }
}

describe('listClients', () => {
  it('orders by (created_at to the microsecond, id) and pages without gaps or repeats', async () => {
    const { rows } = await t.pool.query<{ id: string; name: string }>(
      'select id, name from clients order by created_at, id',
    );
    const names = rows.map((r) => r.name);
    expect([names.slice(0, 2), names.slice(2, 4).sort(), names[4]]).toEqual([
      ['C3', 'C1'],
      ['C2', 'C4'],
      'C0',
    ]);
    const expected = rows.map((r) => r.id);
    for (const limit of [1, 2, 3, 5]) expect(await everyId(limit)).toEqual(expected);
  });

  it('gives no cursor when the page holds the last row', async () => {
    const result = await listClients(t.db, { limit: 5, cursor: null });
    expect(result).toMatchObject({ ok: true, value: { nextCursor: null } });
    if (result.ok) expect(result.value.items.map((c) => c.name)[0]).toBe('C3');
  });

  it('refuses a cursor it did not make with VALIDATION_ERROR on the cursor field', async () => {
    const foreign = Buffer.from(JSON.stringify(['2026-11-30T08:00:00Z', 'x'])).toString(
      'base64url',
    );
    for (const cursor of ['garbage', foreign]) {
      expect(await listClients(t.db, { limit: 1, cursor })).toMatchObject({
        ok: false,
        code: 'VALIDATION_ERROR',
        details: { issues: [{ path: ['cursor'] }] },
      });
    }
  });
});
