// Slots over HTTP: GET /api/providers/:id/slots?days=62 from 16 concurrent clients, for a
// business-hours provider and one open around the clock; p50/p99 latency and requests/s.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { type Database, openDatabase } from '../src/db/database.ts';
import { runMigrations } from '../src/db/run-migrations.ts';
import { createApp } from '../src/http/create-app.ts';
import { runAdminStatement, withDatabase } from './bench-database.ts';
import type { SlotsLoadInput, SlotsLoadResult } from './slots-http-load.ts';
import { type SlotsTarget, seedAroundTheClock, seedBusinessHours } from './slots-http-seed.ts';

export type SlotsHttpOptions = {
  /** Measured requests per provider. Default 2000 (BENCH_SLOTS_REQUESTS). */
  readonly requests: number;
};

export type SlotsHttpFigures = {
  readonly slots: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly perSecond: number;
  /** Server event-loop busy time per measured request (ELU active ms / requests). */
  readonly loopMsPerRequest: number;
  readonly targetP99Ms: number;
  readonly met: boolean;
};

export type SlotsHttpBenchResult = {
  readonly requests: number;
  readonly businessHours: SlotsHttpFigures;
  readonly aroundTheClock: SlotsHttpFigures;
  readonly targetsMet: boolean;
};

const CONCURRENCY = 16;
const DAYS = 62;
const WARM_UP = 200;
const NOW = new Date('2026-06-01T00:00:00Z');
const TOKEN = 'bench-admin-token-0123456789';

export function slotsHttpOptionsFromEnv(): SlotsHttpOptions {
  return { requests: Number(process.env.BENCH_SLOTS_REQUESTS ?? 2000) };
}

/**
 * Creates a database of its own on the server of `serverUrl` (dropped afterwards), seeds the two
 * providers, serves createApp on a free port and loads each provider in turn from a worker
 * thread: WARM_UP requests unmeasured, then `options.requests` measured ones.
 * @throws when any request does not answer 200.
 */
export async function runSlotsHttpBench(
  serverUrl: string,
  options: SlotsHttpOptions,
): Promise<SlotsHttpBenchResult> {
  const name = `slotline_slots_http_${process.pid}`;
  await runAdminStatement(serverUrl, `create database ${name}`);
  try {
    const url = withDatabase(serverUrl, name);
    await runMigrations(url);
    const handle = openDatabase(url, { max: CONCURRENCY + 4 });
    try {
      const business = await seedBusinessHours(handle.db, NOW, {
        days: DAYS,
        appointments: 300,
        blocks: 100,
      });
      const open = await seedAroundTheClock(handle.db);
      return await measureBoth(handle.db, business, open, options);
    } finally {
      await handle.close();
    }
  } finally {
    await runAdminStatement(serverUrl, `drop database if exists ${name} with (force)`);
  }
}

async function measureBoth(
  db: Database,
  business: SlotsTarget,
  open: SlotsTarget,
  options: SlotsHttpOptions,
): Promise<SlotsHttpBenchResult> {
  const app = createApp({
    db,
    adminToken: TOKEN,
    clock: () => NOW,
    noShowLockoutDays: 30,
    logger: pino({ level: 'silent' }),
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const businessHours = await measure(base, business, options.requests, 20);
    const aroundTheClock = await measure(base, open, options.requests, 100);
    return {
      requests: options.requests,
      businessHours,
      aroundTheClock,
      targetsMet: businessHours.met && aroundTheClock.met,
    };
  } finally {
    server.close();
  }
}

async function measure(
  base: string,
  target: SlotsTarget,
  requests: number,
  targetP99Ms: number,
): Promise<SlotsHttpFigures> {
  const url = `${base}/api/providers/${target.providerId}/slots?service_id=${target.serviceId}&date=${NOW.toISOString().slice(0, 10)}&days=${DAYS}`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
  if (response.status !== 200) throw new Error(`slots answered ${response.status}`);
  const { slots } = (await response.json()) as { slots: unknown[] };
  await load({ url, token: TOKEN, concurrency: CONCURRENCY, requests: WARM_UP });
  const loopBefore = performance.eventLoopUtilization();
  const result = await load({ url, token: TOKEN, concurrency: CONCURRENCY, requests });
  const loop = performance.eventLoopUtilization(loopBefore);
  const sorted = result.latenciesMs.toSorted((a, b) => a - b);
  const p99Ms = percentile(sorted, 0.99);
  return {
    slots: slots.length,
    p50Ms: percentile(sorted, 0.5),
    p99Ms,
    perSecond: requests / result.seconds,
    loopMsPerRequest: loop.active / requests,
    targetP99Ms,
    met: p99Ms <= targetP99Ms,
  };
}

async function load(input: SlotsLoadInput): Promise<SlotsLoadResult> {
  const worker = new Worker(new URL('./slots-http-load.ts', import.meta.url), {
    workerData: input,
  });
  try {
    const [result] = (await once(worker, 'message')) as [SlotsLoadResult];
    if (result.failures > 0) throw new Error(`${result.failures} slot requests failed`);
    return result;
  } finally {
    await worker.terminate();
  }
}

/** Nearest-rank percentile of ascending values. */
function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

/** Prints each provider's figures against its target. */
export function printSlotsHttpBench(r: SlotsHttpBenchResult): void {
  const f = (n: number, digits = 1) => n.toFixed(digits);
  console.log(
    `Slots over HTTP: GET /api/providers/:id/slots?days=${DAYS}, ${CONCURRENCY} concurrent clients, ${r.requests} requests each`,
  );
  const line = (label: string, x: SlotsHttpFigures) =>
    console.log(
      `  ${label} (${x.slots} slots): p50 ${f(x.p50Ms)} ms   p99 ${f(x.p99Ms)} ms (target <= ${x.targetP99Ms} ms): ${x.met ? 'met' : 'NOT met'}   ${f(x.perSecond, 0)} requests/s   server loop ${f(x.loopMsPerRequest, 2)} ms/request`,
    );
  line('business hours, 300 appointments, 100 external blocks', r.businessHours);
  line('open 24/7 on a 15-minute grid', r.aroundTheClock);
}
