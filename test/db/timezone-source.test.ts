// clients.timezone_source: rows made without it (the API, rows from before the column) count as
// the user's choice, and the column takes only 'user' or 'hint'.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

describe('clients.timezone_source', () => {
  it("defaults to 'user'", async () => {
    const { rows } = await t.pool.query<{ timezone_source: string }>(
      `insert into clients (name, timezone) values ('Ada', 'Europe/Berlin') returning timezone_source`,
    );
    expect(rows).toEqual([{ timezone_source: 'user' }]);
  });

  it('refuses anything but user or hint', async () => {
    await expect(
      t.pool.query(
        `insert into clients (name, timezone, timezone_source) values ('Bo', 'UTC', 'guess')`,
      ),
    ).rejects.toThrow(/clients_timezone_source_check/);
  });
});
