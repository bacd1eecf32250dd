// `node bench/run-delivery-bench.ts`: the delivery bench alone (BENCH_DELIVERY_SECONDS for a short run).
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/db/start-embedded-postgres.ts';
import { deliveryOptionsFromEnv, printDeliveryBench, runDeliveryBench } from './delivery-bench.ts';

const external = process.env.BENCH_DATABASE_URL;
const dataDir = join(tmpdir(), `slotline-delivery-bench-${process.pid}`);
const server = external ? null : await startEmbeddedPostgres({ dataDir, port: 0 });
try {
  const result = await runDeliveryBench(external ?? server?.url ?? '', deliveryOptionsFromEnv());
  printDeliveryBench(result);
  if (!result.targetsMet) process.exitCode = 1;
} finally {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
}
