// The database itself refuses overlapping active appointments, whatever code writes them.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

describe('appointments_no_overlap', () => {
  it('accepts the migration', async () => {
    const { rows } = await t.pool.query(
      `select conname from pg_constraint where conname = 'appointments_no_overlap'`,
    );
    expect(rows).toHaveLength(1);
  });
});
