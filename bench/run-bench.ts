// `npm run bench`: every figure issue 14 asks for, computed in one run on one PostgreSQL server.
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/db/start-embedded-postgres.ts';
import { createBenchDatabase } from './bench-database.ts';
import { runBookingBench } from './booking-bench.ts';
import {
  chatOptionsFromEnv,
  printChatRoundTripBench,
  runChatRoundTripBench,
} from './chat-round-trip-bench.ts';
import { printContentionBench, runContentionBench } from './contention-bench.ts';
import { deliveryOptionsFromEnv, printDeliveryBench, runDeliveryBench } from './delivery-bench.ts';
import { printMemory, soakSlots } from './memory-soak.ts';
import { runPgbenchBooking } from './pgbench-booking.ts';
import {
  printReminderBurstBench,
  reminderCountFromEnv,
  runReminderBurstBench,
} from './reminder-burst-bench.ts';
import { runSlotBench } from './slot-bench.ts';
import {
  printSlotsHttpBench,
  runSlotsHttpBench,
  slotsHttpOptionsFromEnv,
} from './slots-http-bench.ts';
import { startServer } from './start-server.ts';

const f = (n: number, digits = 2) => n.toFixed(digits);

function printSlotEngine(slots: Awaited<ReturnType<typeof runSlotBench>>): void {
  console.log('Slot engine: 60 days, 2 windows a day, Europe/Berlin across DST');
  console.log(
    `  base  (300 appointments, 100 busy):   engine ${f(slots.engineMs.base, 3)} ms   nested scan ${f(slots.nestedMs.base, 3)} ms   engine/nested ${f(slots.engineOverNested.base)}`,
  );
  console.log(
    `  x10  (3000 appointments, 1000 busy): engine ${f(slots.engineMs.x10, 3)} ms   nested scan ${f(slots.nestedMs.x10, 3)} ms   engine/nested ${f(slots.engineOverNested.x10)}`,
  );
  console.log(
    `  growth x10/base: engine ${f(slots.growthX10.engine)}x   nested scan ${f(slots.growthX10.nested)}x`,
  );
  console.log(
    `  targets (engine <= nested; engine growth <= 1.5x): ${slots.targetsMet ? 'met' : 'NOT met'}`,
  );
}

/** Booking throughput over HTTP, the bare pg loop, and pgbench running that loop's transaction. */
async function benchBookings(serverUrl: string): Promise<void> {
  const url = await createBenchDatabase(serverUrl, 'bookings');
  const booking = await runBookingBench(url);
  console.log(`Bookings: ${booking.bookings} each way, 16 concurrent clients, 100 providers`);
  console.log(`  HTTP (hono + full booking rules): ${f(booking.httpPerSecond, 0)} bookings/s`);
  console.log(`  plain pg loop (lock, check, insert): ${f(booking.plainPerSecond, 0)} bookings/s`);
  const pgbench = await runPgbenchBooking(url, 16, 10);
  console.log(
    pgbench.ran
      ? `  pgbench, the same transaction in SQL alone (${pgbench.clients} clients): ${f(pgbench.perSecond, 0)} transactions/s`
      : `  pgbench line skipped: ${pgbench.why}`,
  );
  console.log(
    `  HTTP/plain ${f(booking.ratio)} (target >= 0.50): ${booking.targetsMet ? 'met' : 'NOT met'}`,
  );
}

/** Contention and memory, measured on the real server (`node src/main.ts`) from outside. */
async function benchRealServer(serverUrl: string): Promise<void> {
  const url = await createBenchDatabase(serverUrl, 'server');
  const server = await startServer(url);
  try {
    const startMiB = await server.rssMiB();
    const now = new Date();
    const contention = await runContentionBench(server, url, now);
    printContentionBench(contention);
    const today = now.toISOString().slice(0, 10);
    printMemory(await soakSlots(server, contention.target, startMiB, today));
  } finally {
    await server.stop();
  }
}

printSlotEngine(await runSlotBench());
const external = process.env.BENCH_DATABASE_URL;
const dataDir = join(tmpdir(), `slotline-bench-${process.pid}`);
const pgServer = external ? null : await startEmbeddedPostgres({ dataDir, port: 0 });
const serverUrl = external ?? pgServer?.url ?? '';
try {
  await benchBookings(serverUrl);
  await benchRealServer(serverUrl);
  printSlotsHttpBench(await runSlotsHttpBench(serverUrl, slotsHttpOptionsFromEnv()));
  printChatRoundTripBench(await runChatRoundTripBench(serverUrl, chatOptionsFromEnv()));
  printReminderBurstBench(await runReminderBurstBench(serverUrl, reminderCountFromEnv()));
  printDeliveryBench(await runDeliveryBench(serverUrl, deliveryOptionsFromEnv()));
} finally {
  await pgServer?.stop();
  await rm(dataDir, { recursive: true, force: true });
}
