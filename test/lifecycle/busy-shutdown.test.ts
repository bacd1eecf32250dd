// `npm start` stops cleanly on SIGINT and SIGTERM while busy: Telegram long polling, web chat long
// polls open, mail jobs running and HTTP requests arriving. A second signal forces a quick exit.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeTelegram, startFakeTelegram } from '../fakes/telegram-api.ts';
import {
  closesWithin,
  freePort,
  freshDataDir,
  killStartedApps,
  logLines,
  type StartedApp,
  startApp,
  waitFor,
} from '../support/start-app.ts';
import { type StallingSmtp, startSilentSmtp, startSlowSmtp } from './stalling-smtp.ts';

const TOKEN = '123456:TEST-shutdown-token';
const ALICE = { id: 111, is_bot: false, first_name: 'Alice' };

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  killStartedApps();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Busy = {
  readonly app: StartedApp;
  readonly base: string;
  readonly embeddedPort: number;
  readonly dataDir: string;
  readonly telegram: FakeTelegram;
};

/** The app on a fresh embedded database, its mail going to `smtp`, Telegram polling the fake. */
async function startBusyApp(
  smtp: StallingSmtp,
  options: { readonly detached?: boolean } = {},
): Promise<Busy> {
  // Holds an empty getUpdates for as long as the adapter asks (30 s), like Telegram.
  const telegram = await startFakeTelegram({ token: TOKEN, maxHoldMs: 60_000 });
  cleanups.push(() => telegram.close());
  const port = await freePort();
  const embeddedPort = await freePort();
  const dataDir = await freshDataDir('slotline-shutdown-');
  const app = startApp(
    {
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      EMBEDDED_POSTGRES_PORT: String(embeddedPort),
      SMTP_URL: smtp.url,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
    },
    options,
  );
  await waitFor(app, /background jobs started/);
  await waitFor(app, /chat adapters started: .*telegram/);
  // The first poll has been answered empty (or is held): the adapter is connected.
  await telegram.waitForCalls('deleteWebhook', 1);
  return { app, base: `http://127.0.0.1:${port}`, embeddedPort, dataDir, telegram };
}

/** Books `count` demo consultations over REST, at open slots at least an hour apart. */
async function bookDemoAppointments(busy: Busy, count: number): Promise<void> {
  const token = (await readFile(join(busy.dataDir, 'admin-token'), 'utf8')).trim();
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const get = async <T>(path: string) =>
    (await (await fetch(`${busy.base}${path}`, { headers })).json()) as T;
  const [provider] = (await get<{ data: { id: string }[] }>('/api/providers')).data;
  const services = await get<{ data: { id: string; name: string }[] }>(
    `/api/providers/${provider?.id}/services`,
  );
  const service = services.data.find((s) => s.name === 'Consultation');
  const [client] = (await get<{ data: { id: string }[] }>('/api/clients')).data;
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const { slots } = await get<{ slots: { start: string }[] }>(
    `/api/providers/${provider?.id}/slots?service_id=${service?.id}&date=${tomorrow}&days=7`,
  );
  const starts: string[] = [];
  for (const slot of slots) {
    const last = starts.at(-1);
    if (last === undefined || Date.parse(slot.start) - Date.parse(last) >= 3_600_000) {
      starts.push(slot.start);
    }
  }
  expect(starts.length).toBeGreaterThanOrEqual(count);
  const responses = await Promise.all(
    starts.slice(0, count).map((start, i) =>
      fetch(`${busy.base}/api/appointments`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': `shutdown-${i}` },
        body: JSON.stringify({
          provider_id: provider?.id,
          service_id: service?.id,
          client_id: client?.id,
          start_time: start,
        }),
      }),
    ),
  );
  const bodies = await Promise.all(responses.map((r) => r.text()));
  expect(
    responses.map((r) => r.status),
    bodies.join('\n'),
  ).toEqual(responses.map(() => 201));
}

type LongPoll = { settled: boolean; readonly outcome: Promise<'answered' | 'closed' | 'hung'> };

/** Opens a web chat inbox long poll (25 s) for a fresh guest; 'hung' if nothing ends it in 15 s. */
function openLongPoll(base: string, n: number): LongPoll {
  const guest = `guest-${(0xa0000000 + n).toString(16)}`;
  const poll: LongPoll = {
    settled: false,
    outcome: fetch(`${base}/webchat/inbox?user=${guest}&wait=25`, {
      signal: AbortSignal.timeout(15_000),
    })
      .then(async (response) => {
        await response.arrayBuffer();
        return response.status === 200 ? ('answered' as const) : ('closed' as const);
      })
      .catch((error: unknown) =>
        error instanceof DOMException && error.name === 'TimeoutError'
          ? ('hung' as const)
          : ('closed' as const),
      )
      .finally(() => {
        poll.settled = true;
      }),
  };
  return poll;
}

/**
 * A few clients calling the app in a loop, 25 ms apart (at most `max` requests in all), until
 * stopped: health checks, inbox reads and web chat commands that run the engine on the database.
 * Refused and cut connections are expected once the server closes.
 */
function startTraffic(base: string, workers: number, max: number) {
  let sent = 0;
  let stopped = false;
  const counts = { answered: 0, failed: 0 };
  const request = (n: number) => {
    const signal = AbortSignal.timeout(5_000);
    if (n % 3 === 0) return fetch(`${base}/healthz`, { signal });
    if (n % 3 === 1) return fetch(`${base}/webchat/inbox?user=demo-client`, { signal });
    return fetch(`${base}/webchat/events`, {
      method: 'POST',
      signal,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        user: 'demo-client',
        timezone: 'Europe/Berlin',
        updateId: randomUUID(),
        input: { kind: 'line', text: '/help' },
      }),
    });
  };
  const worker = async () => {
    while (!stopped && sent < max) {
      sent += 1;
      try {
        const response = await request(sent);
        await response.arrayBuffer();
        counts.answered += 1;
      } catch {
        counts.failed += 1;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  };
  const running = Array.from({ length: workers }, worker);
  return {
    stop: async () => {
      stopped = true;
      await Promise.all(running);
      return counts;
    },
  };
}

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The error (50) and fatal (60) pino lines, as written. */
function errorLines(output: string): string[] {
  return output.split('\n').filter((line) => /"level":(50|60)\b/.test(line));
}

describe('npm start shutting down while busy', () => {
  // A terminal's Ctrl-C signals the whole foreground process group: the app and any child in its
  // group. The embedded database runs in a group of its own, so it waits for the app's order.
  const signals = [
    { name: 'SIGINT', detached: false, send: (pid: number) => process.kill(pid, 'SIGINT') },
    { name: 'SIGTERM', detached: false, send: (pid: number) => process.kill(pid, 'SIGTERM') },
    {
      name: "a terminal's Ctrl-C (SIGINT to the app's whole process group)",
      detached: true,
      send: (pid: number) => process.kill(-pid, 'SIGINT'),
    },
  ];
  it.each(signals)(
    'stops on $name with exit code 0 and no error line, answering every open long poll',
    async ({ detached, send }) => {
      // Each message is held 1.5 s before it is acknowledged: mail jobs are mid-send at the signal.
      const smtp = await startSlowSmtp(1_500);
      cleanups.push(() => smtp.close());
      const busy = await startBusyApp(smtp, { detached });
      await bookDemoAppointments(busy, 4);
      const polls = Array.from({ length: 4 }, (_, n) => openLongPoll(busy.base, n));
      // Telegram: one update handled, and the next getUpdates held open when the signal comes.
      const update = busy.telegram.textUpdate(ALICE, '/help');
      busy.telegram.push(update);
      await busy.telegram.waitForCalls('sendMessage', 1, 10_000);
      // A mail job is sending and more are queued (two mails per booking).
      await until(() => smtp.connections() >= 1, 15_000, 'a mail job to start sending');
      const traffic = startTraffic(busy.base, 4, 400);
      await new Promise((r) => setTimeout(r, 200));
      expect(polls.map((p) => p.settled)).toEqual(polls.map(() => false));
      const sending = smtp.connections();
      expect(smtp.received()).toBeLessThan(sending);

      const sentAt = Date.now();
      send(busy.app.child.pid as number);
      const code = await busy.app.exited;
      const tookMs = Date.now() - sentAt;
      const counts = await traffic.stop();

      expect(code).toBe(0);
      expect(tookMs).toBeLessThan(10_000);
      const output = busy.app.output();
      expect(output).toContain('shutting down');
      expect(errorLines(output)).toEqual([]);
      expect(output).not.toContain('Slotline could not start');
      expect(output).not.toContain('second signal');
      expect(output).not.toContain('shutdown deadline passed');
      // Each open long poll was answered (not cut off, not left hanging).
      expect(await Promise.all(polls.map((p) => p.outcome))).toEqual(polls.map(() => 'answered'));
      expect(counts.answered).toBeGreaterThan(0);
      // The mail jobs that were sending finished (workers run several at once, so how many were
      // still queued depends on timing; those wait for the next start).
      expect(smtp.received()).toBeGreaterThanOrEqual(sending);
      // The adapter ended its held poll and confirmed the handled update (a poll that does not
      // wait: timeout 0 or none).
      const confirmed = busy.telegram
        .callsTo('getUpdates')
        .filter((call) => call.at >= sentAt && (call.payload.timeout ?? 0) === 0);
      expect(confirmed.map((call) => call.payload.offset)).toEqual([update.update_id + 1]);
      // The embedded PostgreSQL stopped with the app.
      expect(await closesWithin(busy.embeddedPort, 5_000)).toBe(true);
    },
  );

  it('gives up on a mail job stuck past its grace and still stops cleanly, exit 0', async () => {
    // Greets, then never answers EHLO: the mailer would wait 30 s, longer than the shutdown has.
    const smtp = await startSilentSmtp({ greet: true });
    cleanups.push(() => smtp.close());
    const busy = await startBusyApp(smtp);
    await bookDemoAppointments(busy, 1);
    await until(() => smtp.connections() >= 1, 15_000, 'a mail job to connect');

    const sentAt = Date.now();
    busy.app.child.kill('SIGTERM');
    const code = await busy.app.exited;

    const output = busy.app.output();
    expect(output).not.toContain('shutdown deadline passed');
    expect(code).toBe(0);
    expect(Date.now() - sentAt).toBeLessThan(10_000);
    expect(errorLines(output)).toEqual([]);
    expect(await closesWithin(busy.embeddedPort, 5_000)).toBe(true);
  });

  it('exits 1 at once on a second signal while the shutdown waits for a stuck mail job', async () => {
    // The mail job waits 10 s for a greeting that never comes; pg-boss's graceful stop waits on it.
    const smtp = await startSilentSmtp();
    cleanups.push(() => smtp.close());
    const busy = await startBusyApp(smtp);
    await bookDemoAppointments(busy, 1);
    await until(() => smtp.connections() >= 1, 15_000, 'a mail job to connect');

    busy.app.child.kill('SIGTERM');
    await waitFor(busy.app, /shutting down/, 2_000);
    // A repeat within 1 s counts as the same keypress; this one is a person insisting.
    await new Promise((r) => setTimeout(r, 1_200));
    expect(busy.app.child.exitCode).toBeNull();
    const sentAt = Date.now();
    busy.app.child.kill('SIGTERM');
    const code = await busy.app.exited;

    expect(code).toBe(1);
    expect(Date.now() - sentAt).toBeLessThan(2_000);
    const warned = logLines(busy.app.output()).filter((line) =>
      String(line.msg).includes('second signal'),
    );
    expect(warned).toHaveLength(1);
    expect(warned[0]?.level).toBe(40);
    expect(busy.app.output()).not.toContain('Slotline could not start');
    // The embedded PostgreSQL is stopped with the process even though the plan did not finish.
    expect(await closesWithin(busy.embeddedPort, 5_000)).toBe(true);
  });
});
