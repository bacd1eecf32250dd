// Bookings per second through the whole HTTP stack, next to a bare pg loop doing the same
// lock-check-insert transaction.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import pg from 'pg';
import pino from 'pino';
import { type Database, openDatabase } from '../src/db/database.ts';
import { runMigrations } from '../src/db/run-migrations.ts';
import { availability } from '../src/db/schema/availability.ts';
import { clients } from '../src/db/schema/clients.ts';
import { providers, services } from '../src/db/schema/providers.ts';
import { createApp } from '../src/http/create-app.ts';

export type BookingBenchResult = {
  readonly bookings: number;
  readonly httpPerSecond: number;
  readonly plainPerSecond: number;
  /** HTTP rate / plain rate; the target is at least 0.5. */
  readonly ratio: number;
  readonly targetsMet: boolean;
};

const PROVIDERS = 100;
const CONCURRENCY = 16;
const PER_PROVIDER = 20;
const NOW = new Date('2026-06-01T00:00:00Z');
const TOKEN = 'bench-admin-token-0123456789';

type Target = { providerId: string; serviceId: string; clientId: string };

/** Runs both loops against the database at `url` (migrated here) and returns their rates. */
export async function runBookingBench(url: string): Promise<BookingBenchResult> {
  await runMigrations(url);
  const handle = openDatabase(url, { max: CONCURRENCY + 4 });
  try {
    const targets = await seedProviders(handle.db);
    const starts = plannedStarts();
    const http = await timeHttp(handle.db, targets, starts);
    const plain = await timePlain(url, targets, starts);
    const bookings = targets.length * starts.length;
    const ratio = http / plain;
    return {
      bookings,
      httpPerSecond: http,
      plainPerSecond: plain,
      ratio,
      targetsMet: ratio >= 0.5,
    };
  } finally {
    await handle.close();
  }
}

async function seedProviders(db: Database): Promise<Target[]> {
  const [client] = await db.insert(clients).values({ name: 'Bench', timezone: 'UTC' }).returning();
  if (!client) throw new Error('no client');
  const rows = await db
    .insert(providers)
    .values(
      Array.from({ length: PROVIDERS }, (_, i) => ({
        name: `P${i}`,
        type: 'TRAINER' as const,
        timezone: 'UTC',
      })),
    )
    .returning({ id: providers.id });
  const svc = await db
    .insert(services)
    .values(
      rows.map((p) => ({
        providerId: p.id,
        name: 'S',
        durationMinutes: 30,
        price: 0,
        currency: 'EUR',
        maxAdvanceDays: 365,
      })),
    )
    .returning({ id: services.id, providerId: services.providerId });
  await db.insert(availability).values(
    rows.flatMap((p) =>
      [0, 1, 2, 3, 4, 5, 6].map((d) => ({
        providerId: p.id,
        dayOfWeek: d,
        startTime: '00:00',
        endTime: '24:00',
      })),
    ),
  );
  return svc.map((s) => ({ providerId: s.providerId, serviceId: s.id, clientId: client.id }));
}

/** Two sets of distinct half-hour starts per provider: one for HTTP, one for the plain loop. */
function plannedStarts(): Date[] {
  return Array.from(
    { length: PER_PROVIDER },
    (_, i) => new Date(NOW.getTime() + 86_400_000 + i * 3_600_000),
  );
}

/** Runs `jobs` on CONCURRENCY loops, like CONCURRENCY clients; returns jobs per second. */
async function runPool(jobs: (() => Promise<void>)[]): Promise<number> {
  let next = 0;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs.length) await jobs[next++]?.();
    }),
  );
  return jobs.length / ((performance.now() - begin) / 1000);
}

async function timeHttp(db: Database, targets: Target[], starts: Date[]): Promise<number> {
  const app = createApp({
    db,
    adminToken: TOKEN,
    clock: () => NOW,
    noShowLockoutDays: 30,
    logger: pino({ level: 'silent' }),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const jobs = starts.flatMap((start) =>
    targets.map((t) => ({ ...t, start: start.toISOString() })),
  );
  const worker = new Worker(new URL('./http-load.ts', import.meta.url), {
    workerData: { base, token: TOKEN, concurrency: CONCURRENCY, jobs },
  });
  try {
    const [result] = (await once(worker, 'message')) as [{ seconds: number; failures: number }];
    if (result.failures > 0) throw new Error(`${result.failures} HTTP bookings failed`);
    return jobs.length / result.seconds;
  } finally {
    await worker.terminate();
    server.close();
  }
}

async function timePlain(url: string, targets: Target[], starts: Date[]): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: CONCURRENCY });
  // The embedded server stops right after the run; an idle client told so must not crash it.
  pool.on('error', () => {});
  const shifted = starts.map((s) => new Date(s.getTime() + 30 * 60_000));
  const jobs = shifted.flatMap((start) => targets.map((t) => () => plainBooking(pool, t, start)));
  try {
    return await runPool(jobs);
  } finally {
    await pool.end();
  }
}

/**
 * The same transaction with the driver alone: both locks, a check for overlaps and for the key,
 * then the appointment, its event and its idempotency key in one insert. No availability rules.
 */
async function plainBooking(pool: pg.Pool, t: Target, start: Date): Promise<void> {
  const end = new Date(start.getTime() + 30 * 60_000);
  const key = randomUUID();
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query(
      'select pg_advisory_xact_lock(hashtextextended($1, 0)), pg_advisory_xact_lock(hashtextextended($2, 0))',
      [`idem:plain:${key}`, `provider:${t.providerId}`],
    );
    const clash = await client.query(
      `select 1 from appointments where provider_id = $1 and status in ('PENDING','CONFIRMED')
         and tstzrange(start_time, blocked_until) && tstzrange($2, $3)
       union all select 1 from idempotency_keys where scope = 'plain' and key = $4`,
      [t.providerId, start, end, key],
    );
    if (clash.rowCount === 0)
      await client.query(PLAIN_INSERT, [t.providerId, t.clientId, t.serviceId, start, end, key]);
    await client.query('commit');
  } finally {
    client.release();
  }
}

const PLAIN_INSERT = `
  with a as (
    insert into appointments (provider_id, client_id, service_id, start_time, end_time, blocked_until, status, price, currency)
    values ($1, $2, $3, $4, $5, $5, 'CONFIRMED', 0, 'EUR') returning id, status
  ), e as (
    insert into appointment_events (appointment_id, type, actor, to_status, payload)
    select id, 'BOOKED', 'plain', status, '{}' from a
  )
  insert into idempotency_keys (scope, key, request_hash, response_status, response_body, expires_at)
  select 'plain', $6, '', 201, jsonb_build_object('appointment_id', a.id), now() + interval '1 day' from a`;
