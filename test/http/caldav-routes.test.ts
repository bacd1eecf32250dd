// The CalDAV connect and pull-now routes at the edges: bad URLs, wrong passwords, dead and non-CalDAV servers.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCalendarDeps } from '../../src/calendars/build-calendar-deps.ts';
import { openSecret } from '../../src/calendars/secret-box.ts';
import { createApp } from '../../src/http/create-app.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { startFakeCalDav } from '../fakes/caldav-server.ts';
import { silentLogger } from '../jobs/jobs-fixtures.ts';
import { createFixture } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-database.ts';

const TOKEN = 'caldav-routes-token-0123456789';
const USER = 'alice';
const PASSWORD = 'radicale-pass-1';
const db = await createTestDatabase();
const { providerId } = await createFixture(db.db);
const key = randomBytes(32);
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
  clock: () => new Date(),
  requestSync: async (id) => {
    synced.push(id);
  },
  requestPush: async () => {},
});
const app = createApp({
  db: db.db,
  adminToken: TOKEN,
  clock: () => new Date(),
  noShowLockoutDays: 30,
  logger: silentLogger,
  calendars,
});
const caldav = await startFakeCalDav({ username: USER, password: PASSWORD });
// A web server that is up but speaks no CalDAV: 404 to everything.
const plainWeb = createServer((_req, res) => res.writeHead(404).end());
await new Promise<void>((resolve) => plainWeb.listen(0, '127.0.0.1', () => resolve()));
const plainWebUrl = `http://127.0.0.1:${(plainWeb.address() as AddressInfo).port}`;
afterAll(async () => {
  await caldav.close();
  await new Promise((resolve) => plainWeb.close(resolve));
});

const call = (method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const connect = (id: string, body: Record<string, unknown>) =>
  call('POST', `/api/providers/${id}/calendar/caldav`, body);
const codeOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string } }).error.code;

describe('POST /api/providers/:id/calendar/caldav', () => {
  it.each([
    'ftp://calendar.example',
    'https://user:pw@calendar.example',
    'https://calendar.example/#x',
    'not a url',
    'file:///etc/passwd',
  ])('refuses server_url %s with 400', async (serverUrl) => {
    const res = await connect(providerId, {
      server_url: serverUrl,
      username: USER,
      password: PASSWORD,
    });
    expect(res.status).toBe(400);
    expect(await codeOf(res)).toBe('VALIDATION_ERROR');
  });

  it('answers 503 CALENDAR_UNAVAILABLE with Retry-After when nothing listens there', async () => {
    const res = await connect(providerId, {
      server_url: 'http://127.0.0.1:1',
      username: USER,
      password: PASSWORD,
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(await codeOf(res)).toBe('CALENDAR_UNAVAILABLE');
  });

  it('answers 502 CALENDAR_UNAVAILABLE when the server answers but not as CalDAV', async () => {
    const res = await connect(providerId, {
      server_url: plainWebUrl,
      username: USER,
      password: PASSWORD,
    });
    expect(res.status).toBe(502);
    expect(await codeOf(res)).toBe('CALENDAR_UNAVAILABLE');
  });

  it('refuses a wrong password with 422 CREDENTIALS_REFUSED and an unknown provider with 404', async () => {
    const wrong = await connect(providerId, {
      server_url: caldav.url,
      username: USER,
      password: 'nope-nope',
    });
    expect(wrong.status).toBe(422);
    expect(await codeOf(wrong)).toBe('CREDENTIALS_REFUSED');
    const unknown = await connect(randomUUID(), {
      server_url: caldav.url,
      username: USER,
      password: PASSWORD,
    });
    expect(unknown.status).toBe(404);
  });

  it('connects as CALDAV with the calendar URL and the password sealed, and queues a pull', async () => {
    const res = await connect(providerId, {
      server_url: caldav.url,
      username: USER,
      password: PASSWORD,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ kind: 'CALDAV', status: 'ACTIVE', account: USER });
    const { rows } = await db.pool.query('select * from calendar_syncs');
    expect(rows[0]?.external_calendar_id).toBe(caldav.calendarUrl());
    expect(JSON.stringify(rows)).not.toContain(PASSWORD);
    const context = `calendar_syncs:${providerId}:CALDAV:password`;
    expect(openSecret(key, String(rows[0]?.password_encrypted), context)).toBe(PASSWORD);
    expect(synced).toEqual([rows[0]?.id]);
  });
});

describe('POST /api/providers/:id/calendar/sync', () => {
  it('queues a pull of the connected calendar: 202', async () => {
    const before = synced.length;
    const res = await call('POST', `/api/providers/${providerId}/calendar/sync`);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ kind: 'CALDAV', queued: true });
    expect(synced).toHaveLength(before + 1);
  });

  it('answers 409 CREDENTIALS_REFUSED for a broken connection, 404 without one', async () => {
    await db.pool.query(`update calendar_syncs set status = 'BROKEN'`);
    const broken = await call('POST', `/api/providers/${providerId}/calendar/sync`);
    expect(broken.status).toBe(409);
    expect(await codeOf(broken)).toBe('CREDENTIALS_REFUSED');
    const none = await call('POST', `/api/providers/${randomUUID()}/calendar/sync`);
    expect(none.status).toBe(404);
    expect(await codeOf(none)).toBe('NOT_CONNECTED');
    const notUuid = await call('POST', '/api/providers/nope/calendar/sync');
    expect(notUuid.status).toBe(404);
  });
});
