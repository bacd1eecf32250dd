// Calendar push webhooks under attack: NUL bytes, huge notification batches, oversized bodies.
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCalendarDeps } from '../../src/calendars/build-calendar-deps.ts';
import { saveChannel, saveNewConnection } from '../../src/calendars/calendar-connections.ts';
import { createApp } from '../../src/http/create-app.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { silentLogger } from '../jobs/jobs-fixtures.ts';
import { createFixture } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-database.ts';

const db = await createTestDatabase();
const key = randomBytes(32);
const clock = () => new Date('2026-12-01T10:00:00Z');
const synced: string[] = [];
const calendars = buildCalendarDeps({
  config: {
    encryptionKey: undefined,
    google: null,
    outlook: null,
    appleCalDavUrl: 'http://127.0.0.1:1',
    timeoutMs: 20_000,
  },
  key,
  publicUrl: 'https://slotline.example',
  db: db.db,
  messenger: new RecordingMessenger(),
  logger: silentLogger,
  clock,
  requestSync: async (connectionId) => {
    synced.push(connectionId);
  },
  requestPush: async () => {},
});
const app = createApp({
  db: db.db,
  adminToken: 'calendar-webhooks-token-0123456789',
  clock,
  noShowLockoutDays: 30,
  logger: silentLogger,
  calendars,
});

const SUBSCRIPTION = 'b6f5a6f2-3c1d-4a8e-9f00-5a1b2c3d4e5f';
const CLIENT_STATE = 'outlook-client-state-secret';
let connectionId: string;

beforeAll(async () => {
  const { providerId } = await createFixture(db.db);
  const connection = await saveNewConnection(db.db, key, {
    providerId,
    kind: 'OUTLOOK',
    tokens: { accessToken: 'a', refreshToken: 'r', expiresAt: new Date('2027-01-01T00:00:00Z') },
    accountName: 'provider@example.com',
    password: null,
    externalCalendarId: null,
  });
  connectionId = connection.id;
  await saveChannel(
    db.db,
    connection.id,
    { id: SUBSCRIPTION, resourceId: null, expiresAt: new Date('2026-12-03T00:00:00Z') },
    CLIENT_STATE,
  );
});

/** Counts the queries the app sends to the pool while `run` runs. */
async function countQueries<T>(run: () => T | Promise<T>): Promise<{ result: T; queries: number }> {
  const pool = db.db.$client;
  const original = pool.query;
  let queries = 0;
  pool.query = ((...args: Parameters<typeof original>) => {
    queries += 1;
    return (original as (...a: unknown[]) => unknown).apply(pool, args);
  }) as typeof original;
  try {
    return { result: await run(), queries };
  } finally {
    pool.query = original;
  }
}

const postOutlook = (body: string, headers: Record<string, string> = {}) =>
  app.request('/webhooks/outlook/calendar', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
const notes = (items: unknown[]) => JSON.stringify({ value: items });

describe('POST /webhooks/outlook/calendar', () => {
  it('ignores a subscriptionId holding a NUL byte with 202, not 500', async () => {
    const res = await postOutlook(
      notes([{ subscriptionId: `${SUBSCRIPTION}\u0000`, clientState: CLIENT_STATE }]),
    );
    expect(res.status).toBe(202);
  });

  it('queues one sync for a genuine notification', async () => {
    synced.length = 0;
    const res = await postOutlook(
      notes([{ subscriptionId: SUBSCRIPTION, clientState: CLIENT_STATE }]),
    );
    expect(res.status).toBe(202);
    expect(synced).toEqual([connectionId]);
  });

  it('coalesces 1000 entries naming one subscription into one lookup and one sync', async () => {
    synced.length = 0;
    const items = Array.from({ length: 1000 }, () => ({
      subscriptionId: SUBSCRIPTION,
      clientState: CLIENT_STATE,
    }));
    const { result, queries } = await countQueries(() => postOutlook(notes(items)));
    expect(result.status).toBe(202);
    expect(queries).toBe(1);
    expect(synced).toEqual([connectionId]);
  });

  it('looks up 1000 distinct forged subscriptions in one query and queues nothing', async () => {
    synced.length = 0;
    const items = Array.from({ length: 1000 }, (_, i) => ({
      subscriptionId: `forged-${i}`,
      clientState: `guess-${i}`,
    }));
    const { result, queries } = await countQueries(() => postOutlook(notes(items)));
    expect(result.status).toBe(202);
    expect(queries).toBe(1);
    expect(synced).toEqual([]);
  });

  it('refuses 20,000 entries in one POST with 400 and no query at all', async () => {
    synced.length = 0;
    const items = Array.from({ length: 20_000 }, (_, i) => ({
      subscriptionId: `s${i}`,
      clientState: 'x',
    }));
    const body = notes(items);
    expect(body.length).toBeLessThan(1024 * 1024);
    const { result, queries } = await countQueries(() => postOutlook(body));
    expect(result.status).toBe(400);
    expect(((await result.json()) as { error: { code: string } }).error.code).toBe(
      'VALIDATION_ERROR',
    );
    expect(queries).toBe(0);
    expect(synced).toEqual([]);
  });

  it('refuses a body over 1 MB with 413 from its Content-Length, before reading it', async () => {
    const res = await postOutlook('{}', { 'content-length': String(5 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'PAYLOAD_TOO_LARGE',
    );
  });
});

describe('POST /webhooks/google/calendar', () => {
  it('answers 404 for an unknown channel and a channel id of 8 KB', async () => {
    for (const channelId of ['unknown', 'x'.repeat(8192)]) {
      const res = await app.request('/webhooks/google/calendar', {
        method: 'POST',
        headers: { 'x-goog-channel-id': channelId, 'x-goog-channel-token': 'token' },
      });
      expect(res.status).toBe(404);
    }
  });
});
