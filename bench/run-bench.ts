// `npm run bench`: slot engine vs nested scan, HTTP bookings vs a bare pg loop, delivery on two instances.
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/db/start-embedded-postgres.ts';
import { runBookingBench } from './booking-bench.ts';
import { deliveryOptionsFromEnv, printDeliveryBench, runDeliveryBench } from './delivery-bench.ts';
import { runSlotBench } from './slot-bench.ts';

const f = (n: number, digits = 2) => n.toFixed(digits);

const slots = await runSlotBench();
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

const external = process.env.BENCH_DATABASE_URL;
const dataDir = join(tmpdir(), `slotline-bench-${process.pid}`);
const server = external ? null : await startEmbeddedPostgres({ dataDir, port: 0 });
try {
  const booking = await runBookingBench(external ?? server?.url ?? '');
  console.log(`Bookings: ${booking.bookings} each way, 16 concurrent clients, 100 providers`);
  console.log(`  HTTP (hono + full booking rules): ${f(booking.httpPerSecond, 0)} bookings/s`);
  console.log(`  plain pg loop (lock, check, insert): ${f(booking.plainPerSecond, 0)} bookings/s`);
  console.log(
    `  HTTP/plain ${f(booking.ratio)} (target >= 0.50): ${booking.targetsMet ? 'met' : 'NOT met'}`,
  );
  // A database of its own on the same server: the bookings above have no mail to deliver.
  printDeliveryBench(
    await runDeliveryBench(external ?? server?.url ?? '', deliveryOptionsFromEnv()),
  );
} finally {
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
}
