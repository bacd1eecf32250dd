// Calendar routes at the edges: not running, not configured, bad input, unknown providers and channels.
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildCalendarDeps } from '../../src/calendars/build-calendar-deps.ts';
import { createApp } from '../../src/http/create-app.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { silentLogger } from '../jobs/jobs-fixtures.ts';
import { createFixture } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-database.ts';

const TOKEN = 'calendar-routes-token-0123456789';
const db = await createTestDatabase();
const { providerId } = await createFixture(db.db);
const clock = () => new Date('2026-12-01T10:00:00Z');
const base = { db: db.db, adminToken: TOKEN, clock, noShowLockoutDays: 30, logger: silentLogger };
const calendars = buildCalendarDeps({
  config: {
    encryptionKey: undefined,
    google: null,
    outlook: null,
    appleCalDavUrl: 'http://127.0.0.1:1',
    timeoutMs: 20_000,
  },
  key: randomBytes(32),
  publicUrl: 'https://slotline.example',
  db: db.db,
  messenger: new RecordingMessenger(),
  logger: silentLogger,
  clock,
  requestSync: async () => {},
  requestPush: async () => {},
});
const withCalendars = createApp({ ...base, calendars });
const without = createApp(base);

const call = (app: typeof without, method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
const codeOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string } }).error.code;

describe('calendar routes', () => {
  it('answer 503 UNAVAILABLE when calendar sync is not running', async () => {
    const res = await call(without, 'POST', `/api/providers/${providerId}/calendar/google/connect`);
    expect(res.status).toBe(503);
    expect(await codeOf(res)).toBe('UNAVAILABLE');
  });

  it.each(['google', 'outlook'])(
    'answer 503 CALENDAR_NOT_CONFIGURED for %s without its client',
    async (kind) => {
      const res = await call(
        withCalendars,
        'POST',
        `/api/providers/${providerId}/calendar/${kind}/connect`,
      );
      expect(res.status).toBe(503);
      expect(await codeOf(res)).toBe('CALENDAR_NOT_CONFIGURED');
    },
  );

  it('refuses a bad Apple body with 400 and an unknown provider with 404', async () => {
    const bad = await call(withCalendars, 'POST', `/api/providers/${providerId}/calendar/apple`, {
      apple_id: 'x',
    });
    expect(bad.status).toBe(400);
    const unknown = await call(
      withCalendars,
      'POST',
      `/api/providers/${randomUUID()}/calendar/apple`,
      {
        apple_id: 'someone@icloud.com',
        app_password: 'abcd-efgh-ijkl-mnop',
      },
    );
    expect(unknown.status).toBe(404);
    expect(await codeOf(unknown)).toBe('PROVIDER_NOT_FOUND');
  });

  it.each([
    ['apple_id', { apple_id: 'ana@例え.jp', app_password: 'abcd-efgh-ijkl-mnop' }],
    ['app_password', { apple_id: 'someone@icloud.com', app_password: 'abcd-efgh-ijkl-mnop-☃' }],
    ['apple_id with a NUL', { apple_id: 'some\u0000one@icloud.com', app_password: 'abcd-efgh' }],
  ])('refuses an Apple body with %s outside Latin-1 with 400', async (_, body) => {
    const res = await call(
      withCalendars,
      'POST',
      `/api/providers/${providerId}/calendar/apple`,
      body,
    );
    expect(res.status).toBe(400);
    expect(await codeOf(res)).toBe('VALIDATION_ERROR');
  });

  it('answers 503 CALENDAR_UNAVAILABLE with Retry-After when iCloud cannot be reached', async () => {
    const res = await call(withCalendars, 'POST', `/api/providers/${providerId}/calendar/apple`, {
      apple_id: 'someone@icloud.com',
      app_password: 'abcd-efgh-ijkl-mnop',
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    const body = (await res.json()) as { error: { code: string; details: unknown } };
    expect(body.error.code).toBe('CALENDAR_UNAVAILABLE');
    expect(body.error.details).toEqual({});
  });

  it('answers 404 NOT_CONNECTED for a provider without a calendar, or a malformed id', async () => {
    for (const id of [providerId, 'not-an-id']) {
      expect(await codeOf(await call(withCalendars, 'GET', `/api/providers/${id}/calendar`))).toBe(
        'NOT_CONNECTED',
      );
      expect((await call(withCalendars, 'DELETE', `/api/providers/${id}/calendar`)).status).toBe(
        404,
      );
    }
  });

  it('needs the admin token for the API, but not for OAuth pages and webhooks', async () => {
    const res = await withCalendars.request(`/api/providers/${providerId}/calendar`);
    expect(res.status).toBe(401);
    const start = await withCalendars.request('/oauth/google/start?state=garbage');
    expect(start.status).toBe(400);
    expect(await start.text()).toContain('not valid');
    const german = await withCalendars.request('/oauth/google/start?state=garbage', {
      headers: { 'accept-language': 'fr-CH, de-AT;q=0.8, en;q=0.5' },
    });
    expect(german.status).toBe(400);
    const page = await german.text();
    expect(page).toContain('<html lang="de">');
    expect(page).toContain('Der Verbindungslink ist ungültig');
    const hook = await withCalendars.request('/webhooks/google/calendar', { method: 'POST' });
    expect(hook.status).toBe(404);
  });

  it('answers Graph validation in plain text and ignores garbage notifications with 202', async () => {
    const validation = await withCalendars.request(
      '/webhooks/outlook/calendar?validationToken=a%20b%3Ac',
      {
        method: 'POST',
      },
    );
    expect(validation.status).toBe(200);
    expect(validation.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await validation.text()).toBe('a b:c');
    const garbage = await withCalendars.request('/webhooks/outlook/calendar', {
      method: 'POST',
      body: '{nope',
    });
    expect(garbage.status).toBe(202);
  });
});
