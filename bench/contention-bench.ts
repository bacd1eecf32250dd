// 100 concurrent bookings of one slot over HTTP against the real server: one winner, 99 quick SLOT_TAKEN, replays intact.

import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { openDatabase } from '../src/db/database.ts';
import { availability } from '../src/db/schema/availability.ts';
import { clients } from '../src/db/schema/clients.ts';
import { providers, services } from '../src/db/schema/providers.ts';
import type { BurstAnswer, BurstRequest } from './burst-client.ts';
import type { StartedServer } from './start-server.ts';

export type ContentionBenchResult = {
  readonly rounds: number;
  readonly perRound: number;
  /** Rounds with exactly one 201 and every other answer 409 SLOT_TAKEN. */
  readonly cleanRounds: number;
  /** Replays of each round's winning key that returned the winner's booking. */
  readonly replaysIntact: number;
  readonly replays: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** The losers alone: how long it took to learn SLOT_TAKEN. */
  readonly loserP99Ms: number;
  readonly targetsMet: boolean;
  /** The contended provider and service, for later load on the same server. */
  readonly target: { readonly providerId: string; readonly serviceId: string };
};

const ROUNDS = 20;
const PER_ROUND = 100;
const REPLAYS = 5;
const HOUR = 3_600_000;

type Seeded = { providerId: string; serviceId: string; clientIds: string[] };

async function seed(databaseUrl: string): Promise<Seeded> {
  const handle = openDatabase(databaseUrl, { max: 2 });
  try {
    const db = handle.db;
    const [provider] = await db
      .insert(providers)
      .values({ name: 'Contended', type: 'CONSULTANT', timezone: 'UTC' })
      .returning({ id: providers.id });
    if (!provider) throw new Error('no provider');
    const [service] = await db
      .insert(services)
      .values({
        providerId: provider.id,
        name: 'Call',
        durationMinutes: 30,
        price: 0,
        currency: 'EUR',
        maxAdvanceDays: 365,
      })
      .returning({ id: services.id });
    await db.insert(availability).values(
      [0, 1, 2, 3, 4, 5, 6].map((d) => ({
        providerId: provider.id,
        dayOfWeek: d,
        startTime: '00:00',
        endTime: '24:00',
      })),
    );
    const rows = await db
      .insert(clients)
      .values(Array.from({ length: PER_ROUND }, (_, i) => ({ name: `C${i}`, timezone: 'UTC' })))
      .returning({ id: clients.id });
    return {
      providerId: provider.id,
      serviceId: service?.id ?? '',
      clientIds: rows.map((r) => r.id),
    };
  } finally {
    await handle.close();
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

/** One slot, PER_ROUND clients, each with a key of its own. */
function burstFor(s: Seeded, start: Date): BurstRequest[] {
  return s.clientIds.map((clientId) => ({
    providerId: s.providerId,
    serviceId: s.serviceId,
    clientId,
    start: start.toISOString(),
    key: randomUUID(),
  }));
}

/** Sends one burst through the worker and waits for every answer. */
async function fire(worker: Worker, burst: BurstRequest[]): Promise<BurstAnswer[]> {
  worker.postMessage(burst);
  const [answers] = (await once(worker, 'message')) as [BurstAnswer[]];
  return answers;
}

/**
 * Runs a warm-up round, then ROUNDS rounds of PER_ROUND simultaneous bookings of one fresh slot
 * against `server`, each followed by REPLAYS simultaneous replays of the winner's request.
 * Target: every round clean, every replay the winner's booking, p99 <= 50 ms.
 */
export async function runContentionBench(
  server: StartedServer,
  databaseUrl: string,
  now: Date,
): Promise<ContentionBenchResult> {
  const seeded = await seed(databaseUrl);
  const worker = new Worker(new URL('./burst-client.ts', import.meta.url), {
    workerData: { base: server.base, token: server.token },
  });
  const firstSlot = Math.ceil(now.getTime() / HOUR) * HOUR + 48 * HOUR;
  const all: number[] = [];
  const losers: number[] = [];
  let cleanRounds = 0;
  let replaysIntact = 0;
  try {
    await fire(worker, burstFor(seeded, new Date(firstSlot - HOUR)));
    for (let round = 0; round < ROUNDS; round += 1) {
      const burst = burstFor(seeded, new Date(firstSlot + round * HOUR));
      const answers = await fire(worker, burst);
      const winners = answers.filter((a) => a.status === 201);
      const taken = answers.filter((a) => a.status === 409 && a.code === 'SLOT_TAKEN');
      if (winners.length === 1 && taken.length === PER_ROUND - 1) cleanRounds += 1;
      for (const a of answers) all.push(a.ms);
      for (const a of taken) losers.push(a.ms);
      const winner = burst[answers.findIndex((a) => a.status === 201)];
      if (winner === undefined) continue;
      const replays = await fire(
        worker,
        Array.from({ length: REPLAYS }, () => winner),
      );
      replaysIntact += replays.filter((r) => r.status === 200 && r.id === winners[0]?.id).length;
    }
  } finally {
    worker.postMessage(null);
    await worker.terminate();
  }
  all.sort((a, b) => a - b);
  losers.sort((a, b) => a - b);
  const p99Ms = percentile(all, 99);
  const replays = ROUNDS * REPLAYS;
  return {
    rounds: ROUNDS,
    perRound: PER_ROUND,
    cleanRounds,
    replaysIntact,
    replays,
    p50Ms: percentile(all, 50),
    p99Ms,
    loserP99Ms: percentile(losers, 99),
    targetsMet: cleanRounds === ROUNDS && replaysIntact === replays && p99Ms <= 50,
    target: { providerId: seeded.providerId, serviceId: seeded.serviceId },
  };
}

/** Prints the contention figures with their targets. */
export function printContentionBench(r: ContentionBenchResult): void {
  const f = (n: number) => n.toFixed(1);
  console.log(
    `Contention: ${r.rounds} rounds of ${r.perRound} concurrent bookings of one slot over HTTP (the real server)`,
  );
  console.log(
    `  one 201 and ${r.perRound - 1} SLOT_TAKEN: ${r.cleanRounds}/${r.rounds} rounds   replays returning the winner: ${r.replaysIntact}/${r.replays}`,
  );
  console.log(
    `  latency p50 ${f(r.p50Ms)} ms   p99 ${f(r.p99Ms)} ms (target <= 50)   losers p99 ${f(r.loserP99Ms)} ms: ${r.targetsMet ? 'met' : 'NOT met'}`,
  );
}
