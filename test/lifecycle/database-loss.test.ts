// The database going away, as a failover does it: requests in flight fail with 503, nothing acknowledged is lost, mail goes out once.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type EmbeddedServer,
  startEmbeddedPostgres,
} from '../../src/db/start-embedded-postgres.ts';
import {
  freePort,
  freshDataDir,
  killStartedApps,
  logLines,
  type StartedApp,
  startApp,
  waitFor,
} from '../support/start-app.ts';

const TOKEN = 'database-loss-admin-token-0123';
let pgPort: number;
let pgDir: string;
let server: EmbeddedServer;
let app: StartedApp;
let base: string;
let dataDir: string;
let demo: { provider: string; service: string; client: string };

beforeAll(async () => {
  pgDir = join(await freshDataDir('slotline-dbloss-'), 'pg');
  pgPort = await freePort();
  server = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort });
  await admin((c) => c.query('create database slotline'));
  dataDir = await freshDataDir('slotline-dbloss-app-');
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  app = startApp({
    DATABASE_URL: databaseUrl('slotline'),
    DATA_DIR: dataDir,
    PORT: String(port),
    ADMIN_API_TOKEN: TOKEN,
  });
  await waitFor(app, /background jobs started/);
  const provider = (await api('GET', '/api/providers')).body.data[0].id;
  const services = (await api('GET', `/api/providers/${provider}/services`)).body.data;
  // The plain 30-minute consultation: confirmed at once, so each booking mails its client.
  const service = services.find((s: { requires_approval: boolean }) => !s.requires_approval).id;
  const client = (await api('GET', '/api/clients')).body.data[0].id;
  demo = { provider, service, client };
}, 60_000);

afterAll(async () => {
  killStartedApps();
  await server?.stop();
});

function databaseUrl(name: string): string {
  return `postgres://postgres:postgres@127.0.0.1:${pgPort}/${name}`;
}

async function admin<T>(run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

type Answer = {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON.
  body: any;
  retryAfter: string | null;
};

async function api(method: string, path: string, body?: unknown, key?: string): Promise<Answer> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? JSON.parse(text) : null,
    retryAfter: response.headers.get('retry-after'),
  };
}

/** Free starts for the demo service over the next weeks, from the API itself. */
async function freeStarts(count: number): Promise<string[]> {
  const from = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const { body } = await api(
    'GET',
    `/api/providers/${demo.provider}/slots?service_id=${demo.service}&date=${from}&days=40`,
  );
  return body.slots.slice(0, count).map((s: { start: string }) => s.start);
}

/** Books like a careful client: a 503 is retried with the same key until a final answer. */
async function bookPersistently(
  start: string,
  key: string,
): Promise<{ status: number; id?: string; saw503: boolean }> {
  let saw503 = false;
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const result = await api(
      'POST',
      '/api/appointments',
      {
        provider_id: demo.provider,
        service_id: demo.service,
        client_id: demo.client,
        start_time: start,
      },
      key,
    ).catch(() => null);
    if (result && result.status !== 503)
      return { status: result.status, id: result.body?.id, saw503 };
    if (result) {
      saw503 = true;
      expect(result.retryAfter).toMatch(/^\d+$/);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no final answer for ${key}`);
}

async function terminateAppSessions(): Promise<number> {
  return admin(async (c) => {
    const { rowCount } = await c.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = 'slotline' and pid <> pg_backend_pid()`,
    );
    return rowCount ?? 0;
  });
}

/** Appointment ids of the "Booked:" client mails in the outbox, one entry per mail. */
async function bookedMails(): Promise<string[]> {
  const dir = join(dataDir, 'mail');
  const files = await readdir(dir).catch(() => []);
  const ids: string[] = [];
  for (const file of files) {
    const text = await readFile(join(dir, file), 'utf8');
    if (!/^Subject: Booked:/m.test(text)) continue;
    const uid = text.match(/UID:([0-9a-f-]{36})@slotline/);
    if (uid?.[1]) ids.push(uid[1]);
  }
  return ids;
}

async function stored(ids: string[]): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: databaseUrl('slotline') });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      'select id from appointments where id = any($1::uuid[])',
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  } finally {
    await client.end();
  }
}

describe('losing the database', () => {
  it('survives its sessions being terminated mid-load: no crash, nothing acknowledged lost, each mail once', async () => {
    const starts = await freeStarts(60);
    expect(starts.length).toBe(60);
    const results: Promise<{ status: number; id?: string; saw503: boolean }>[] = [];
    let terminated = 0;
    for (const [i, start] of starts.entries()) {
      results.push(bookPersistently(start, `loss-${i}-${start}`));
      if (i === 15 || i === 40) terminated += await terminateAppSessions();
      await new Promise((r) => setTimeout(r, 20));
    }
    const settled = await Promise.all(results);
    expect(terminated).toBeGreaterThan(0);
    expect(app.child.exitCode).toBeNull();
    const acknowledged = settled.filter((r) => r.status === 201).map((r) => r.id as string);
    // Every start was free and each was asked for once (with retries under one key): all booked.
    expect(settled.map((r) => r.status)).toEqual(Array(60).fill(201));
    expect((await stored(acknowledged)).size).toBe(acknowledged.length);
    // Jobs resume after the loss: every booking's confirmation is mailed, and only once. A job
    // whose session died while it was being settled stays active until pg-boss's heartbeat
    // (30 s) frees it, then waits its retry delay (30 s, jittered): allow for both.
    await expect
      .poll(async () => (await bookedMails()).length, { timeout: 150_000, interval: 500 })
      .toBeGreaterThanOrEqual(acknowledged.length);
    const mails = await bookedMails();
    expect(mails.sort()).toEqual([...acknowledged].sort());
    expect((await api('GET', '/healthz')).status).toBe(200);
    const fatal = logLines(app.output()).filter((l) => (l.level as number) >= 60);
    expect(fatal).toEqual([]);
  }, 240_000);

  it('says 503 with Retry-After while the database is down, and serves again when it returns', async () => {
    await server.stop();
    const health = await api('GET', '/healthz');
    expect(health.status).toBe(503);
    expect(health.retryAfter).toMatch(/^\d+$/);
    const [start] = await freeStarts(1).catch(() => ['2030-01-07T09:00:00+01:00']);
    const refused = await api(
      'POST',
      '/api/appointments',
      {
        provider_id: demo.provider,
        service_id: demo.service,
        client_id: demo.client,
        start_time: start,
      },
      'while-down',
    );
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('UNAVAILABLE');
    expect(app.child.exitCode).toBeNull();
    server = await startEmbeddedPostgres({ dataDir: pgDir, port: pgPort });
    await expect
      .poll(async () => (await api('GET', '/healthz')).status, { timeout: 30_000, interval: 500 })
      .toBe(200);
    const [later] = await freeStarts(1);
    const booked = await bookPersistently(later as string, 'after-return');
    expect(booked.status).toBe(201);
    await expect
      .poll(async () => (await bookedMails()).includes(booked.id as string), {
        timeout: 60_000,
        interval: 500,
      })
      .toBe(true);
  }, 120_000);
});
