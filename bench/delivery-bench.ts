// Confirmation delivery under load: two instances, steady bookings, delay to each mail and DM.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { SMTPServer } from 'smtp-server';
import { openDatabase } from '../src/db/database.ts';
import { runMigrations } from '../src/db/run-migrations.ts';
import { availability } from '../src/db/schema/availability.ts';
import { chatIdentities } from '../src/db/schema/chat.ts';
import { clients } from '../src/db/schema/clients.ts';
import { providers, services } from '../src/db/schema/providers.ts';
import { runAdminStatement, withDatabase } from './bench-database.ts';
import type { InstanceInput, InstanceMessage } from './delivery-instance.ts';

export type DeliveryBenchOptions = {
  /** How long bookings arrive. Default 60 (BENCH_DELIVERY_SECONDS). */
  readonly seconds: number;
  /** Bookings per second, spread over the instances in turn. Default 20 (BENCH_DELIVERY_RATE). */
  readonly rate: number;
  /** App instances, each with its own pools and pg-boss workers. Default 2. */
  readonly instances: number;
  /**
   * How long the SMTP server and the chat platform take to accept each mail and DM, as remote
   * ones would (a local server answers in about a millisecond). Default 0 (BENCH_REMOTE_MS).
   */
  readonly remoteMs: number;
};

/** Delays in ms from sending the booking request to the delivery; `missing` never came. */
export type DelayStats = {
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  readonly missing: number;
  /** Deliveries beyond the first for one booking (exactly-once says 0). */
  readonly duplicates: number;
};

export type DeliveryBenchResult = DeliveryBenchOptions & {
  readonly bookings: number;
  readonly failedBookings: number;
  /** Booking requests answered, in ms. */
  readonly bookingMs: { readonly p50: number; readonly p95: number };
  readonly clientMail: DelayStats;
  readonly clientDm: DelayStats;
  /** New-booking mails and DMs the providers got, all told (one per booking expected). */
  readonly providerMails: number;
  readonly providerDms: number;
  /**
   * Every booking answered 201; every client mail and DM arrived once, each within TARGET_MS of
   * its booking; the providers got one mail and one DM per booking.
   */
  readonly targetsMet: boolean;
};

export const TARGET_MS = 5_000;
const PROVIDERS = 100;
const TOKEN = 'bench-admin-token-0123456789';
/** After the last booking, how long deliveries may take before the bench stops waiting. */
const DRAIN_MS = 60_000;
/** After everything arrived, how long to keep listening for duplicates. */
const QUIET_MS = 2_000;
const HOUR_MS = 3_600_000;

/** The bench's options from BENCH_DELIVERY_SECONDS and BENCH_DELIVERY_RATE, else the target's. */
export function deliveryOptionsFromEnv(): DeliveryBenchOptions {
  const seconds = Number(process.env.BENCH_DELIVERY_SECONDS ?? 60);
  const rate = Number(process.env.BENCH_DELIVERY_RATE ?? 20);
  const remoteMs = Number(process.env.BENCH_REMOTE_MS ?? 0);
  if (!(seconds > 0) || !(rate > 0))
    throw new Error('BENCH_DELIVERY_SECONDS and _RATE must be > 0');
  if (!(remoteMs >= 0)) throw new Error('BENCH_REMOTE_MS must be >= 0');
  return { seconds, rate, instances: 2, remoteMs };
}

type Booking = { providerId: string; serviceId: string; clientId: string; start: string };
type Party = { email: string; chat: string };

/**
 * Creates a database of its own on the server of `serverUrl` (dropped afterwards), seeds
 * providers and one client per booking, starts the instances as worker threads and a local SMTP
 * server, books at `rate` per second through the instances' HTTP APIs in turn, and waits for
 * every confirmation mail and DM (up to a minute after the last booking).
 */
export async function runDeliveryBench(
  serverUrl: string,
  options: DeliveryBenchOptions,
): Promise<DeliveryBenchResult> {
  const name = `slotline_delivery_${process.pid}`;
  await runAdminStatement(serverUrl, `create database ${name}`);
  const url = withDatabase(serverUrl, name);
  const arrivals = new Arrivals();
  const smtp = await startSmtp(arrivals, options.remoteMs);
  const workers: Worker[] = [];
  try {
    await runMigrations(url);
    const count = Math.round(options.seconds * options.rate);
    const { bookings, clientOf, providerParties: providers } = await seed(url, count);
    const ports: number[] = [];
    for (let i = 0; i < options.instances; i++) {
      const input: InstanceInput = {
        url,
        smtpUrl: smtp.url,
        token: TOKEN,
        dmDelayMs: options.remoteMs,
      };
      const worker = new Worker(new URL('./delivery-instance.ts', import.meta.url), {
        workerData: input,
      });
      workers.push(worker);
      worker.on('message', (m: InstanceMessage) => {
        if (m.kind === 'dm') arrivals.add(m.user, m.at);
      });
      const [ready] = (await once(worker, 'message')) as [InstanceMessage];
      if (ready.kind !== 'ready') throw new Error('instance did not start');
      ports.push(ready.port);
    }
    const sent = await bookSteadily(ports, bookings, options.rate);
    await arrivals.waitFor(
      clientOf.flatMap((c) => [c.email, c.chat]),
      DRAIN_MS,
    );
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
    const ok = sent.filter((s) => s.status === 201);
    const stats = (key: (i: number) => string) =>
      delayStats(ok.map((s) => ({ at: s.at, arrivals: arrivals.of(key(s.index)) })));
    const clientMail = stats((i) => clientOf[i]?.email ?? '');
    const clientDm = stats((i) => clientOf[i]?.chat ?? '');
    const providerMails = providers.reduce((n, p) => n + arrivals.of(p.email).length, 0);
    const providerDms = providers.reduce((n, p) => n + arrivals.of(p.chat).length, 0);
    const within = (d: DelayStats) => d.missing === 0 && d.duplicates === 0 && d.max <= TARGET_MS;
    return {
      ...options,
      bookings: sent.length,
      failedBookings: sent.length - ok.length,
      bookingMs: {
        p50: percentile(
          ok.map((s) => s.answeredMs),
          0.5,
        ),
        p95: percentile(
          ok.map((s) => s.answeredMs),
          0.95,
        ),
      },
      clientMail,
      clientDm,
      providerMails,
      providerDms,
      targetsMet:
        ok.length === sent.length &&
        within(clientMail) &&
        within(clientDm) &&
        providerMails === ok.length &&
        providerDms === ok.length,
    };
  } finally {
    await Promise.all(workers.map(stopInstance));
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    await runAdminStatement(serverUrl, `drop database if exists ${name} with (force)`);
  }
}

/** Prints the result as the other benches do. */
export function printDeliveryBench(r: DeliveryBenchResult): void {
  const f = (d: DelayStats) =>
    `p50 ${ms(d.p50)}  p95 ${ms(d.p95)}  max ${ms(d.max)}  missing ${d.missing}  duplicates ${d.duplicates}`;
  console.log(
    `Delivery: ${r.bookings} bookings at ${r.rate}/s for ${r.seconds} s over ${r.instances} instances (HTTP in, SMTP and DMs out, each accepted after ${r.remoteMs} ms)`,
  );
  console.log(
    `  bookings answered: p50 ${ms(r.bookingMs.p50)}  p95 ${ms(r.bookingMs.p95)}  failed ${r.failedBookings}`,
  );
  console.log(`  client confirmation mail: ${f(r.clientMail)}`);
  console.log(`  client confirmation DM:   ${f(r.clientDm)}`);
  console.log(
    `  provider new-booking mails ${r.providerMails}, DMs ${r.providerDms} (one each per booking: ${r.bookings - r.failedBookings})`,
  );
  console.log(
    `  target (every client mail and DM once, within ${TARGET_MS / 1000} s of its booking): ${r.targetsMet ? 'met' : 'NOT met'}`,
  );
}

const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : '-');

/** Delivery times by recipient (mail address or chat user id). */
class Arrivals {
  readonly #times = new Map<string, number[]>();
  #waiter: (() => void) | null = null;
  add(recipient: string, at: number): void {
    const times = this.#times.get(recipient) ?? [];
    times.push(at);
    this.#times.set(recipient, times);
    this.#waiter?.();
  }
  of(recipient: string): number[] {
    return this.#times.get(recipient) ?? [];
  }
  /** Resolves once each of `recipients` got something, or after `timeoutMs` regardless. */
  async waitFor(recipients: readonly string[], timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const pending = new Set(recipients);
    const sweep = () => {
      for (const r of pending) if (this.#times.has(r)) pending.delete(r);
    };
    sweep();
    while (pending.size > 0 && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        this.#waiter = resolve;
        setTimeout(resolve, 200);
      });
      sweep();
    }
    this.#waiter = null;
  }
}

/** A local SMTP server that accepts each mail `delayMs` after its data ended. */
async function startSmtp(
  arrivals: Arrivals,
  delayMs: number,
): Promise<{ server: SMTPServer; url: string }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A new connection per mail at 40 mails a second: keep the server from shedding any.
    maxClients: 1_000,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        setTimeout(() => {
          const at = Date.now();
          for (const rcpt of session.envelope.rcptTo) arrivals.add(rcpt.address, at);
          callback();
        }, delayMs);
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return { server, url: `smtp://127.0.0.1:${port}` };
}

/**
 * Providers (email, chat identity, a 30-minute service open all week) and one client per booking
 * (email, chat identity), so each delivery names its booking. Booking i goes to provider
 * i mod PROVIDERS at its own hour, four days ahead or more: no reminder falls due meanwhile.
 */
async function seed(url: string, count: number) {
  const handle = openDatabase(url, { max: 4 });
  try {
    const { db } = handle;
    const tag = randomUUID().slice(0, 8);
    const providerRows = await db
      .insert(providers)
      .values(
        Array.from({ length: PROVIDERS }, (_, i) => ({
          name: `Provider ${i}`,
          type: 'TRAINER' as const,
          timezone: 'UTC',
          email: `p${i}-${tag}@bench.test`,
        })),
      )
      .returning({ id: providers.id, email: providers.email });
    const serviceRows = await db
      .insert(services)
      .values(
        providerRows.map((p) => ({
          providerId: p.id,
          name: 'Session',
          durationMinutes: 30,
          price: 0,
          currency: 'EUR',
          maxAdvanceDays: 365,
        })),
      )
      .returning({ id: services.id, providerId: services.providerId });
    await db.insert(availability).values(
      providerRows.flatMap((p) =>
        [0, 1, 2, 3, 4, 5, 6].map((dayOfWeek) => ({
          providerId: p.id,
          dayOfWeek,
          startTime: '00:00',
          endTime: '24:00',
        })),
      ),
    );
    const providerParties: Party[] = providerRows.map((p, i) => ({
      email: p.email ?? '',
      chat: `bp${i}-${tag}`,
    }));
    await db.insert(chatIdentities).values(
      providerRows.map((p, i) => ({
        platform: 'telegram',
        platformUserId: providerParties[i]?.chat ?? '',
        displayName: `Provider ${i}`,
        providerId: p.id,
      })),
    );
    const clientOf: Party[] = [];
    const clientIds: string[] = [];
    for (let from = 0; from < count; from += 500) {
      const size = Math.min(500, count - from);
      const parties = Array.from({ length: size }, (_, k) => ({
        email: `c${from + k}-${tag}@bench.test`,
        chat: `bc${from + k}-${tag}`,
      }));
      const rows = await db
        .insert(clients)
        .values(
          parties.map((c, k) => ({ name: `Client ${from + k}`, timezone: 'UTC', email: c.email })),
        )
        .returning({ id: clients.id });
      await db.insert(chatIdentities).values(
        rows.map((row, k) => ({
          platform: 'telegram',
          platformUserId: parties[k]?.chat ?? '',
          displayName: `Client ${from + k}`,
          clientId: row.id,
        })),
      );
      clientOf.push(...parties);
      clientIds.push(...rows.map((r) => r.id));
    }
    const base = Math.ceil(Date.now() / HOUR_MS) * HOUR_MS + 4 * 24 * HOUR_MS;
    const bookings: Booking[] = clientIds.map((clientId, i) => {
      const service = serviceRows[i % PROVIDERS];
      if (!service) throw new Error('no service');
      const start = new Date(base + Math.floor(i / PROVIDERS) * HOUR_MS).toISOString();
      return { providerId: service.providerId, serviceId: service.id, clientId, start };
    });
    return { bookings, clientOf, providerParties };
  } finally {
    await handle.close();
  }
}

type Sent = { index: number; at: number; answeredMs: number; status: number };

/** Sends booking i at start + i / rate seconds, to the instances in turn, without waiting for answers. */
async function bookSteadily(ports: number[], bookings: Booking[], rate: number): Promise<Sent[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const begin = Date.now();
  const pending: Promise<Sent>[] = [];
  try {
    for (const [index, booking] of bookings.entries()) {
      const due = begin + (index * 1000) / rate;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const port = ports[index % ports.length] ?? 0;
      const at = Date.now();
      pending.push(
        post(agent, port, booking).then((status) => ({
          index,
          at,
          answeredMs: Date.now() - at,
          status,
        })),
      );
    }
    return await Promise.all(pending);
  } finally {
    agent.destroy();
  }
}

function post(agent: Agent, port: number, booking: Booking): Promise<number> {
  const body = JSON.stringify({
    provider_id: booking.providerId,
    service_id: booking.serviceId,
    client_id: booking.clientId,
    start_time: booking.start,
  });
  return new Promise((resolve) => {
    const req = request(`http://127.0.0.1:${port}/api/appointments`, {
      method: 'POST',
      agent,
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'idempotency-key': randomUUID(),
      },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

function delayStats(rows: { at: number; arrivals: number[] }[]): DelayStats {
  const delays: number[] = [];
  let missing = 0;
  let duplicates = 0;
  for (const row of rows) {
    const first = Math.min(...row.arrivals);
    if (row.arrivals.length === 0) missing++;
    else delays.push(first - row.at);
    duplicates += Math.max(0, row.arrivals.length - 1);
  }
  return {
    p50: percentile(delays, 0.5),
    p95: percentile(delays, 0.95),
    max: delays.length ? Math.max(...delays) : Number.NaN,
    missing,
    duplicates,
  };
}

function percentile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
}

async function stopInstance(worker: Worker): Promise<void> {
  const stopped = new Promise<void>((resolve) => {
    worker.on('message', (m: InstanceMessage) => {
      if (m.kind === 'stopped') resolve();
    });
    worker.once('exit', () => resolve());
  });
  worker.postMessage({ kind: 'stop' });
  await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  await worker.terminate();
}
