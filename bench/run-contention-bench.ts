// `node bench/run-contention-bench.ts`: the contention bench alone, with the server's memory before and after.
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/db/start-embedded-postgres.ts';
import { createBenchDatabase } from './bench-database.ts';
import { printContentionBench, runContentionBench } from './contention-bench.ts';
import { startServer } from './start-server.ts';

const external = process.env.BENCH_DATABASE_URL;
const dataDir = join(tmpdir(), `slotline-contention-${process.pid}`);
const pgServer = external ? null : await startEmbeddedPostgres({ dataDir, port: 0 });
const url = await createBenchDatabase(external ?? pgServer?.url ?? '', 'contention');
const server = await startServer(url);
try {
  const before = await server.rssMiB();
  printContentionBench(await runContentionBench(server, url, new Date()));
  console.log(
    `  server RSS ${before.toFixed(0)} MiB after start, ${(await server.rssMiB()).toFixed(0)} MiB after`,
  );
} finally {
  await server.stop();
  await pgServer?.stop();
  await rm(dataDir, { recursive: true, force: true });
}
