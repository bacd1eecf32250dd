// The real server's memory under the bench's load: RSS after start, and after contention and a slots soak.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { SlotsLoadInput, SlotsLoadResult } from './slots-http-load.ts';
import type { StartedServer } from './start-server.ts';

export type MemoryResult = {
  readonly startMiB: number;
  readonly endMiB: number;
  readonly slotRequests: number;
  /** end / start; the target is at most 2. */
  readonly ratio: number;
  readonly targetsMet: boolean;
};

const SOAK_REQUESTS = 3_000;

/**
 * Asks the server at `server` for 62 days of the provider's slots SOAK_REQUESTS times (16 at a
 * time), then compares its RSS with `startMiB` (taken right after it started).
 */
export async function soakSlots(
  server: StartedServer,
  target: { readonly providerId: string; readonly serviceId: string },
  startMiB: number,
  today: string,
): Promise<MemoryResult> {
  const input: SlotsLoadInput = {
    url: `${server.base}/api/providers/${target.providerId}/slots?service_id=${target.serviceId}&date=${today}&days=62`,
    token: server.token,
    concurrency: 16,
    requests: SOAK_REQUESTS,
  };
  const worker = new Worker(new URL('./slots-http-load.ts', import.meta.url), {
    workerData: input,
  });
  try {
    const [result] = (await once(worker, 'message')) as [SlotsLoadResult];
    if (result.failures > 0) throw new Error(`${result.failures} soak requests failed`);
  } finally {
    await worker.terminate();
  }
  const endMiB = await server.rssMiB();
  const ratio = endMiB / startMiB;
  return { startMiB, endMiB, slotRequests: SOAK_REQUESTS, ratio, targetsMet: ratio <= 2 };
}

/** Prints the memory figures with their target. */
export function printMemory(r: MemoryResult): void {
  console.log(
    `Memory of the real server (node src/main.ts): RSS ${r.startMiB.toFixed(0)} MiB after start, ${r.endMiB.toFixed(0)} MiB after the contention rounds and ${r.slotRequests} requests for 62 days of slots`,
  );
  console.log(
    `  after/start ${r.ratio.toFixed(2)} (target <= 2): ${r.targetsMet ? 'met' : 'NOT met'}`,
  );
}
