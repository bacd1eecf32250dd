// The whole app against the Google fake: HTTP on a real port (webhooks reach it), real pg-boss, a provider with a chat.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { buildCalendarDeps } from '../../src/calendars/build-calendar-deps.ts';
import { chatIdentities } from '../../src/db/schema/chat.ts';
import { createApp } from '../../src/http/create-app.ts';
import { type Jobs, startJobs } from '../../src/jobs/start-jobs.ts';
import { RecordingMessenger } from '../chat/chat-harness.ts';
import { type FakeGoogle, startFakeGoogle } from '../fakes/google-calendar-api.ts';
import { RecordingMailer, silentLogger } from '../jobs/jobs-fixtures.ts';
import { createFixture, type Fixture } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

export const ADMIN = 'calendar-admin-token-0123456789';
export const PROVIDER_CHAT = '7001';

export type GoogleSyncHarness = {
  readonly db: TestDatabase;
  readonly google: FakeGoogle;
  readonly fixture: Fixture;
  readonly key: Buffer;
  readonly messenger: RecordingMessenger;
  readonly mailer: RecordingMailer;
  readonly baseUrl: string;
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  close(): Promise<void>;
};

/** A provider in UTC working every day 09:00-17:00, with a Telegram identity for DMs. */
export async function startGoogleSyncHarness(): Promise<GoogleSyncHarness> {
  const db = await createTestDatabase();
  const fixture = await createFixture(db.db, {
    timezone: 'UTC',
    windows: [0, 1, 2, 3, 4, 5, 6].map((d): [number, string, string] => [d, '09:00', '17:00']),
  });
  await db.db.insert(chatIdentities).values({
    platform: 'telegram',
    platformUserId: PROVIDER_CHAT,
    displayName: 'Provider',
    providerId: fixture.providerId,
  });
  const google = await startFakeGoogle({ clientId: 'cid', clientSecret: 'csecret' });
  const key = randomBytes(32);
  const messenger = new RecordingMessenger();
  const mailer = new RecordingMailer();
  const clock = () => new Date();
  let jobs: Jobs | null = null;
  let baseUrl = '';
  const calendars = () =>
    buildCalendarDeps({
      config: {
        encryptionKey: undefined,
        google: {
          clientId: 'cid',
          clientSecret: 'csecret',
          apiRoot: google.rootUrl,
          authUrl: google.authUrl,
          tokenUrl: google.tokenUrl,
        },
        outlook: null,
        appleCalDavUrl: 'http://127.0.0.1:1',
      },
      key,
      publicUrl: baseUrl,
      db: db.db,
      messenger,
      logger: silentLogger,
      clock,
      requestSync: async (id) => {
        await jobs?.requestCalendarSync(id);
      },
    });
  let app = createApp({
    db: db.db,
    adminToken: ADMIN,
    clock,
    noShowLockoutDays: 30,
    logger: silentLogger,
  });
  const server = serve({ fetch: (request) => app.fetch(request), port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const deps = calendars();
  app = createApp({
    db: db.db,
    adminToken: ADMIN,
    clock,
    noShowLockoutDays: 30,
    logger: silentLogger,
    calendars: deps,
    relayChanges: async () => {
      await jobs?.relayOnce();
    },
  });
  jobs = await startJobs(
    {
      databaseUrl: db.url,
      db: db.db,
      messenger,
      mailer,
      logger: silentLogger,
      clock,
      calendars: { ...deps, requestMeeting: true },
    },
    { pollingIntervalSeconds: 0.5, relayIntervalMs: 200 },
  );
  return {
    db,
    google,
    fixture,
    key,
    messenger,
    mailer,
    baseUrl,
    call: (method, path, body, headers = {}) =>
      fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${ADMIN}`,
          'content-type': 'application/json',
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    close: async () => {
      await jobs?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await google.close();
    },
  };
}

/** Follows our connect link through the fake's consent to our callback; returns the callback's answer. */
export async function connectGoogle(h: GoogleSyncHarness): Promise<Response> {
  const linked = await h.call(
    'POST',
    `/api/providers/${h.fixture.providerId}/calendar/google/connect`,
  );
  const { url } = (await linked.json()) as { url: string };
  const start = await fetch(url, { redirect: 'manual' });
  const consent = await fetch(start.headers.get('location') ?? '', { redirect: 'manual' });
  return fetch(consent.headers.get('location') ?? '', { redirect: 'manual' });
}

export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
