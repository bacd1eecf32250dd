// appointment_events.type holds only the registry's types: the migrated CHECK matches the list.
import { readdir, readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { APPOINTMENT_EVENT_TYPES } from '../../src/domain/appointment-event-types.ts';
import { readEvents } from '../../src/jobs/outbox-relay.ts';
import { book, seedParties } from '../jobs/jobs-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const CONSTRAINT = 'appointment_events_type_check';
const MIGRATIONS = new URL('../../migrations/', import.meta.url);

/** The ADD CONSTRAINT statement of the newest migration that (re)creates the CHECK. */
async function latestCheckStatement(): Promise<string> {
  const files = (await readdir(MIGRATIONS)).filter((f) => f.endsWith('.sql')).sort();
  for (const file of files.reverse()) {
    const statements = (await readFile(new URL(file, MIGRATIONS), 'utf8')).split(
      '--> statement-breakpoint',
    );
    const add = statements.find((s) => s.includes(`ADD CONSTRAINT "${CONSTRAINT}"`));
    if (add) return add;
  }
  throw new Error(`no migration adds ${CONSTRAINT}`);
}

let t: TestDatabase;
let appointmentId: string;
beforeAll(async () => {
  t = await createTestDatabase();
  const parties = await seedParties(t);
  const now = new Date();
  appointmentId = (await book(t.pool, parties, new Date(now.getTime() + 86_400_000), now)).id;
});

async function constraintTypes(): Promise<string[]> {
  const { rows } = await t.pool.query<{ def: string }>(
    `select pg_get_constraintdef(oid) as def from pg_constraint where conname = $1`,
    [CONSTRAINT],
  );
  expect(rows).toHaveLength(1);
  return [...(rows[0]?.def ?? '').matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
}

function insertEvent(type: string) {
  return t.pool.query(
    `insert into appointment_events (appointment_id, type, actor, to_status)
     values ($1, $2, 'system:test', 'CONFIRMED')`,
    [appointmentId, type],
  );
}

describe(CONSTRAINT, () => {
  it('lists exactly APPOINTMENT_EVENT_TYPES in the migrated database', async () => {
    expect((await constraintTypes()).sort()).toEqual([...APPOINTMENT_EVENT_TYPES].sort());
  });

  it('refuses a type that is not in the list', async () => {
    await expect(insertEvent('TELEPORTED')).rejects.toMatchObject({
      code: '23514',
      constraint: CONSTRAINT,
    });
  });

  it('applies over a log that already holds every type, then the relay reads them all', async () => {
    await t.pool.query(`alter table appointment_events drop constraint ${CONSTRAINT}`);
    for (const type of APPOINTMENT_EVENT_TYPES) await insertEvent(type);
    await t.pool.query(await latestCheckStatement());
    const types = (await readEvents(t.db, 0, 1_000)).map((e) => e.type);
    expect(new Set(types)).toEqual(new Set(APPOINTMENT_EVENT_TYPES));
  });

  it('stops the relay at a stored type the code does not know, instead of skipping it', async () => {
    await t.pool.query(`alter table appointment_events drop constraint ${CONSTRAINT}`);
    await insertEvent('TELEPORTED');
    await expect(readEvents(t.db, 0, 1_000)).rejects.toThrow(/unknown type "TELEPORTED"/);
  });
});
