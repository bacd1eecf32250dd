// The migrated database agrees with the domain registries: enum values and the platform CHECK, in order.
import { beforeAll, describe, expect, it } from 'vitest';
import { CALENDAR_KINDS, OVERRIDE_SOURCES } from '../../src/domain/calendar-kinds.ts';
import { PLATFORMS } from '../../src/domain/platforms.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

async function enumValues(type: string): Promise<string[]> {
  const { rows } = await t.pool.query<{ value: string }>(
    `select e.enumlabel as value from pg_enum e join pg_type ty on ty.oid = e.enumtypid
     where ty.typname = $1 order by e.enumsortorder`,
    [type],
  );
  return rows.map((r) => r.value);
}

async function constraintLiterals(name: string): Promise<string[]> {
  const { rows } = await t.pool.query<{ def: string }>(
    'select pg_get_constraintdef(oid) as def from pg_constraint where conname = $1',
    [name],
  );
  expect(rows).toHaveLength(1);
  return [...(rows[0]?.def ?? '').matchAll(/'((?:[^']|'')*)'/g)].map((m) =>
    (m[1] ?? '').replaceAll("''", "'"),
  );
}

describe('the migrated database and the registries', () => {
  it.each([
    ['calendar_type', CALENDAR_KINDS],
    ['override_source', OVERRIDE_SOURCES],
  ])('%s has exactly the registry values, in order', async (type, values) => {
    expect(await enumValues(type)).toEqual([...values]);
  });

  it('chat_identities_platform_check allows exactly PLATFORMS', async () => {
    expect(await constraintLiterals('chat_identities_platform_check')).toEqual([...PLATFORMS]);
  });

  it('refuses a platform that is not in the list', async () => {
    await expect(
      t.pool.query(
        `insert into chat_identities (platform, platform_user_id, display_name) values ('irc', '1', 'x')`,
      ),
    ).rejects.toMatchObject({ code: '23514', constraint: 'chat_identities_platform_check' });
  });
});
