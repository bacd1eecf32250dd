// A fault inside a query answers 500 and is logged without the request data drizzle puts in it.
import { beforeAll, expect, it } from 'vitest';
import { createHarness, type Harness, json } from './app-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  // This file's database only: the next insert into providers fails inside PostgreSQL.
  await h.db.pool.query('alter table providers rename to providers_moved');
});

it('answers 500 INTERNAL_ERROR and logs names and codes, neither the query nor its parameters', async () => {
  const response = await h.call('POST', '/api/providers', {
    name: 'Very Secret Name',
    type: 'DOCTOR',
    timezone: 'UTC',
  });
  expect(response.status).toBe(500);
  expect((await json(response)).error.code).toBe('INTERNAL_ERROR');
  const errors = h.logs.filter((l) => l.level === 'error');
  expect(errors).toHaveLength(1);
  expect(errors[0]?.fields.err).toMatchObject({
    name: 'CatalogError',
    cause: { type: 'DrizzleQueryError', cause: { type: 'DatabaseError', code: '42P01' } },
  });
  const logged = JSON.stringify(errors[0]);
  for (const leak of ['Very Secret Name', 'params', 'insert into', 'does not exist']) {
    expect(logged).not.toContain(leak);
  }
});
