// `node bench/run-chat-bench.ts`: the chat round-trip bench alone (BENCH_CHAT_USERS, _THINK_MS).
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/db/start-embedded-postgres.ts';
import {
  chatOptionsFromEnv,
  printChatRoundTripBench,
  runChatRoundTripBench,
} from './chat-round-trip-bench.ts';

const external = process.env.BENCH_DATABASE_URL;
const dataDir = join(tmpdir(), `slotline-chat-bench-${process.pid}`);
const server = external ? null : await startEmbeddedPostgres({ dataDir, port: 0 });
try {
  const result = await runChatRoundTripBench(external ?? server?.url ?? '', chatOptionsFromEnv());
  printChatRoundTripBench(result);
  if (!result.targetsMet) process.exitCode = 1;
} finally {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
}
