// The booking bench's bare transaction (lock, check, insert) run by pgbench alone: the floor under the HTTP figure.
import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export type PgbenchResult =
  | { readonly ran: true; readonly perSecond: number; readonly clients: number }
  | { readonly ran: false; readonly why: string };

/**
 * The plain loop's statements for pgbench: both locks, one check for overlaps and for the key,
 * then the appointment, its event and its key in one insert. Providers come from bench_targets;
 * starts are random half hours over about 280 years, so a clash is rare and inserts nothing.
 * Simple query mode: pgbench's prepared mode cannot type the text concatenations.
 */
const SCRIPT = `\\set p random(0, 99)
\\set slot random(0, 5000000)
BEGIN;
SELECT pg_advisory_xact_lock(hashtextextended('idem:pgbench:' || :client_id::text || ':' || :slot::text, 0)),
  pg_advisory_xact_lock(hashtextextended('provider:' || (SELECT provider_id::text FROM bench_targets WHERE n = :p::int), 0));
SELECT 1 FROM appointments a JOIN bench_targets t ON t.n = :p::int
  WHERE a.provider_id = t.provider_id AND a.status IN ('PENDING','CONFIRMED')
  AND tstzrange(a.start_time, a.blocked_until) && tstzrange(timestamptz '2040-01-01' + :slot::int * interval '30 minutes', timestamptz '2040-01-01' + (:slot::int + 1) * interval '30 minutes')
  UNION ALL SELECT 1 FROM idempotency_keys WHERE scope = 'pgbench' AND key = :client_id::text || ':' || :slot::text;
WITH t AS (SELECT * FROM bench_targets WHERE n = :p::int),
  a AS (
    INSERT INTO appointments (provider_id, client_id, service_id, start_time, end_time, blocked_until, status, price, currency)
    SELECT provider_id, client_id, service_id, timestamptz '2040-01-01' + :slot::int * interval '30 minutes',
      timestamptz '2040-01-01' + (:slot::int + 1) * interval '30 minutes', timestamptz '2040-01-01' + (:slot::int + 1) * interval '30 minutes',
      'CONFIRMED', 0, 'EUR' FROM t
    ON CONFLICT DO NOTHING RETURNING id, status),
  e AS (INSERT INTO appointment_events (appointment_id, type, actor, to_status, payload)
    SELECT id, 'BOOKED', 'pgbench', status, '{}' FROM a)
INSERT INTO idempotency_keys (scope, key, request_hash, response_status, response_body, expires_at)
  SELECT 'pgbench', :client_id::text || ':' || :slot::text, '', 201, jsonb_build_object('appointment_id', a.id), now() + interval '1 day' FROM a
  ON CONFLICT DO NOTHING;
COMMIT;
`;

async function pgbenchBinary(): Promise<string | null> {
  const found = await run('sh', ['-c', 'command -v pgbench']).catch(() => null);
  const path = found?.stdout.trim();
  return path ? path : null;
}

/** One row per provider the booking bench made: the targets pgbench books. */
async function makeTargets(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop table if exists bench_targets;
      create table bench_targets as
        select (row_number() over (order by s.provider_id) - 1)::int as n, s.provider_id,
          s.id as service_id, (select id from clients order by id limit 1) as client_id
        from services s where s.name = 'S' order by s.provider_id limit 100`);
  } finally {
    await client.end();
  }
}

/**
 * Runs the script with `clients` connections for `seconds` against `url` (which the booking
 * bench seeded), or says why it could not: pgbench absent or failing. Tables pgbench made are
 * dropped afterwards.
 */
export async function runPgbenchBooking(
  url: string,
  clients: number,
  seconds: number,
): Promise<PgbenchResult> {
  const binary = await pgbenchBinary();
  if (binary === null)
    return { ran: false, why: 'pgbench is not installed (it ships with PostgreSQL)' };
  await makeTargets(url);
  const script = join(tmpdir(), `slotline-pgbench-${process.pid}.sql`);
  await writeFile(script, SCRIPT);
  try {
    const { stdout } = await run(binary, [
      '-n',
      '-f',
      script,
      '-c',
      String(clients),
      '-j',
      '2',
      '-T',
      String(seconds),
      url,
    ]);
    const tps = /tps = ([\d.]+)/.exec(stdout)?.[1];
    if (tps === undefined) return { ran: false, why: 'pgbench printed no tps' };
    return { ran: true, perSecond: Number(tps), clients };
  } catch (error) {
    return { ran: false, why: `pgbench failed: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    await rm(script, { force: true });
  }
}
