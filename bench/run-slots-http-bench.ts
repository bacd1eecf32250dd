// `node bench/run-slots-http-bench.ts`: the slots-over-HTTP bench alone (BENCH_SLOTS_REQUESTS for a short run).
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/db/start-embedded-postgres.ts';
import {
  printSlotsHttpBench,
  runSlotsHttpBench,
  slotsHttpOptionsFromEnv,
} from './slots-http-bench.ts';

const external = process.env.BENCH_DATABASE_URL;
const dataDir = join(tmpdir(), `slotline-slots-http-bench-${process.pid}`);
const server = external ? null : await startEmbeddedPostgres({ dataDir, port: 0 });
try {
  const result = await runSlotsHttpBench(external ?? server?.url ?? '', slotsHttpOptionsFromEnv());
  printSlotsHttpBench(result);
  if (!result.targetsMet) process.exitCode = 1;
} finally {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
}
