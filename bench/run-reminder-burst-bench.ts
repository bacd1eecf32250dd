// `node bench/run-reminder-burst-bench.ts`: the reminder burst alone (BENCH_REMINDER_COUNT for a short run).
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/db/start-embedded-postgres.ts';
import {
  printReminderBurstBench,
  reminderCountFromEnv,
  runReminderBurstBench,
} from './reminder-burst-bench.ts';

const external = process.env.BENCH_DATABASE_URL;
const dataDir = join(tmpdir(), `slotline-reminder-burst-bench-${process.pid}`);
const server = external ? null : await startEmbeddedPostgres({ dataDir, port: 0 });
try {
  const result = await runReminderBurstBench(external ?? server?.url ?? '', reminderCountFromEnv());
  printReminderBurstBench(result);
  if (!result.targetsMet) process.exitCode = 1;
} finally {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
}
