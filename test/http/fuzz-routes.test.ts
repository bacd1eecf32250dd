// Fuzzes every route in /api/openapi.json and every webhook: never a 5xx, every 4xx in the error shape.

import { randomBytes } from 'node:crypto';
import { ne } from 'drizzle-orm';
import fc from 'fast-check';
import type { Env, Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BotAdapter } from '../../bots/bot-adapter.ts';
import { createSlackAdapter, SLACK_EVENTS_PATH } from '../../bots/slack/create-slack-adapter.ts';
import { createTelegramAdapter } from '../../bots/telegram/create-telegram-adapter.ts';
import { WEBHOOK_PATH as TELEGRAM_PATH } from '../../bots/telegram/webhook-runner.ts';
import { createWebChatAdapter } from '../../bots/web/create-web-chat-adapter.ts';
import { DEMO_CLIENT_ID } from '../../bots/web/web-personas.ts';
import { buildCalendarDeps } from '../../src/calendars/build-calendar-deps.ts';
import { saveChannel, saveNewConnection } from '../../src/calendars/calendar-connections.ts';
import { handleChatEvent } from '../../src/chat/handle-chat-event.ts';
import { createProviderDirectory } from '../../src/chat/provider-directory.ts';
import { createRoutingMessenger } from '../../src/chat/routing-messenger.ts';
import { availabilityOverrides } from '../../src/db/schema/availability.ts';
import { createApp } from '../../src/http/create-app.ts';
import { startAppleFake } from '../calendars/apple/apple-fixtures.ts';
import type { FakeCalDav } from '../fakes/caldav-server.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../fakes/slack-api.ts';
import { eventBody, interactionBody, signedRequest } from '../fakes/slack-requests.ts';
import { type FakeTelegram, startFakeTelegram } from '../fakes/telegram-api.ts';
import {
  book,
  createHarness,
  type Harness,
  json,
  NOW,
  type Seeded,
  seedBookable,
  TOKEN,
  WEEKDAYS_9_TO_5,
} from './app-harness.ts';

const SEED = 20_261_130;
const RANDOM_RUNS_PER_OPERATION = 25;
const MB = 1024 * 1024;

// ---------------------------------------------------------------- the values thrown at every field

const MB_STRING = 'x'.repeat(MB);
const UUID_ZERO = '00000000-0000-0000-0000-000000000000';
const b64 = (value: string | Uint8Array) => Buffer.from(value).toString('base64url');
const jsonCursor = (parts: unknown) => b64(JSON.stringify(parts));

/** Cursors a client could craft: garbage, and key parts of the right shape with bad values. */
const CURSORS = [
  b64(randomBytesFrom(SEED, 48)),
  b64('{}'),
  b64('null'),
  b64('[]'),
  jsonCursor(['2026-02-30T00:00:00.000000Z', UUID_ZERO]),
  jsonCursor(['0000-01-01T00:00:00.000000Z', UUID_ZERO]),
  jsonCursor(['9999-12-31T23:59:59.999999Z', UUID_ZERO]),
  jsonCursor(['2026-12-01T24:00:00.000000Z', UUID_ZERO]),
  jsonCursor(['2026-12-01T10:00:00.000000Z', 'not-a-uuid']),
  jsonCursor(['2026-02-30', '09:00:00', UUID_ZERO]),
  jsonCursor(['0000-01-01', '09:00:00', UUID_ZERO]),
  jsonCursor(['2026-12-01', '25:61:61', UUID_ZERO]),
  jsonCursor([null, 1, {}]),
  jsonCursor(Array.from({ length: 100 }, () => 'x')),
  '!!!not base64!!!',
  'a'.repeat(1000),
];

/** Strings for every parameter and string field. */
const STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  MB_STRING,
  'a'.repeat(300),
  '☃ 日本語 🎉',
  '\ud800',
  'null',
  'true',
  '-1',
  '0',
  '1.5',
  '1e309',
  'NaN',
  '99999999999999999999999',
  '-99999999999999999999999',
  '2026-02-30',
  '0000-01-01',
  '9999-12-31',
  '2026-13-01',
  '2026-02-30T10:00:00Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-12-01T25:00:00Z',
  '2026-12-01T10:00:00+99:00',
  '24:00',
  '99:99',
  UUID_ZERO,
  'not-a-uuid',
  "'; drop table providers; --",
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  'Europe/Nowhere',
  ...CURSORS,
];

/** Everything but strings, for JSON body fields and whole bodies. */
const NON_STRINGS: unknown[] = [
  0,
  -1,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  2 ** 31,
  -(2 ** 31) - 1,
  null,
  true,
  false,
  [],
  {},
  [null],
  { a: 1 },
  ['2026-02-30'],
];

/** Raw bodies that are not the JSON a route wants. */
const RAW_BODIES: { body: string | Uint8Array; type: string | null }[] = [
  { body: '', type: 'application/json' },
  { body: '{', type: 'application/json' },
  { body: '{"a":', type: 'application/json' },
  { body: '[', type: 'application/json' },
  { body: 'null', type: 'application/json' },
  { body: '"text"', type: 'application/json' },
  { body: '12', type: 'application/json' },
  { body: '[]', type: 'application/json' },
  { body: '{"__proto__":{"admin":true},"constructor":{"prototype":{}}}', type: 'application/json' },
  { body: `${'['.repeat(5000)}${']'.repeat(5000)}`, type: 'application/json' },
  { body: '\u0000', type: 'application/json' },
  { body: new Uint8Array([0xff, 0xfe, 0x00, 0x7b]), type: 'application/json' },
  { body: `{"x":"${'y'.repeat(2 * MB)}"}`, type: 'application/json' },
  { body: '{"name":"x"}', type: 'text/plain' },
  { body: '{"name":"x"}', type: null },
  { body: 'name=x&type=DOCTOR', type: 'application/x-www-form-urlencoded' },
  {
    body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--',
    type: 'multipart/form-data; boundary=x',
  },
];

function randomBytesFrom(seed: number, length: number): Uint8Array {
  return Uint8Array.from(fc.sample(fc.integer({ min: 0, max: 255 }), { seed, numRuns: length }));
}

/** Header values a client can send at all (fetch refuses NUL, CR, LF and non-Latin-1). */
const headerSafe = (text: string) =>
  /^[\u0020-\u007e\u0080-\u00ff]*$/.test(text) && text.length < 16_384;

/** encodeURIComponent, except that a lone surrogate is sent as the bytes a client could send. */
function encodePart(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

// ---------------------------------------------------------------- sending and checking

let sent = 0;
let serverErrors = 0;
const failures: string[] = [];

type Outgoing = {
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array;
  /** Answers whose 4xx may be HTML (pages people read in a browser). */
  readonly html?: boolean;
};

function hasErrorShape(text: string): boolean {
  try {
    const error = JSON.parse(text)?.error;
    return (
      typeof error?.code === 'string' &&
      typeof error.message === 'string' &&
      typeof error.details === 'object' &&
      error.details !== null &&
      !Array.isArray(error.details)
    );
  } catch {
    return false;
  }
}

async function send(app: Hono<Env>, request: Outgoing, label: string): Promise<Response> {
  sent += 1;
  const init: RequestInit = { method: request.method, headers: request.headers ?? {} };
  if (request.body !== undefined) init.body = request.body;
  let response: Response;
  try {
    response = await app.request(request.path, init);
  } catch (error) {
    serverErrors += 1;
    failures.push(`${label}: threw ${String(error).slice(0, 200)}`);
    throw error;
  }
  const text = await response.clone().text();
  const where = `${label}: ${request.method} ${request.path.slice(0, 100)}`;
  if (response.status >= 500) {
    serverErrors += 1;
    failures.push(`${where} -> ${response.status} ${text.slice(0, 300)}`);
  } else if (response.status >= 400 && !request.html && !hasErrorShape(text)) {
    failures.push(`${where} -> ${response.status} without the error shape: ${text.slice(0, 200)}`);
  }
  return response;
}

// ---------------------------------------------------------------- reading the OpenAPI document

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
};
type Parameter = {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: Schema;
};
type Operation = { method: string; path: string; parameters: Parameter[]; body: Schema | null };

function operationsOf(doc: {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: unknown }>>;
}): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => {
      const content = (op.requestBody as { content?: Record<string, { schema: Schema }> })?.content;
      return {
        method: method.toUpperCase(),
        path,
        parameters: op.parameters ?? [],
        body: content?.['application/json']?.schema ?? null,
      };
    }),
  );
}

// ---------------------------------------------------------------- valid baselines, then mutations

type Ids = Record<string, string>;

function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  const ref = schema.$ref?.replace('#/components/schemas/', '');
  return ref === undefined ? schema : resolve(components[ref] ?? {}, components);
}

/** A valid value for `schema`, using real ids for fields named like them. */
function sampleOf(
  schema: Schema,
  name: string,
  ids: Ids,
  components: Record<string, Schema>,
): unknown {
  const s = resolve(schema, components);
  if (ids[name] !== undefined) return ids[name];
  const named = NAMED_SAMPLES[name];
  if (named !== undefined) return named;
  const option = (s.anyOf ?? s.oneOf)?.find((o) => resolve(o, components).type !== 'null');
  if (option) return sampleOf(option, name, ids, components);
  if (s.example !== undefined) return s.example;
  if (s.default !== undefined) return s.default;
  if (s.enum) return s.enum[0];
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      // Active rows and whole-day blocks keep the other routes' baselines bookable and deep.
      return name !== 'requires_approval';
    case 'array':
      return s.items ? [sampleOf(s.items, '', ids, components)] : [];
    case 'object':
      return Object.fromEntries(
        Object.entries(s.properties ?? {}).map(([key, value]) => [
          key,
          sampleOf(value, key, ids, components),
        ]),
      );
    default:
      return stringSample(s);
  }
}

/** Fields whose generic sample would not be valid together with the others. */
const NAMED_SAMPLES: Record<string, unknown> = {
  end_time: '17:00',
  apple_id: 'someone@icloud.example',
};

function stringSample(s: Schema): string {
  if (s.format === 'date') return '2026-12-24';
  if (s.format === 'date-time') return '2026-12-02T10:00:00+01:00';
  if (s.format === 'email') return 'fuzz@example.com';
  if (s.format === 'uri') return 'https://example.com/photo.png';
  return 'x'.repeat(Math.max(s.minLength ?? 1, 8));
}

/** Paths into `value` to replace: every key of objects, the first item of arrays, two deep. */
function fieldPaths(value: unknown, depth = 0): (string | number)[][] {
  if (depth > 2 || value === null || typeof value !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.length > 0
      ? [[0, value[0]]]
      : []
    : Object.entries(value);
  return entries.flatMap(([key, child]) => [
    [key],
    ...fieldPaths(child, depth + 1).map((rest) => [key, ...rest]),
  ]);
}

function withField(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) {
    const next = target[key];
    // An earlier replacement put a scalar where this path continued: nothing left to replace.
    if (next === null || typeof next !== 'object') return copy;
    target = next as Record<string | number, unknown>;
  }
  const last = path.at(-1) as string | number;
  if (replacement === DELETE) delete target[last];
  else target[last] = replacement;
  return copy;
}
const DELETE = Symbol('delete');

type Shape = {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  headers: Record<string, string>;
  body: unknown;
};

function toRequest(
  op: Operation,
  shape: Shape,
  rawBody?: { body: string | Uint8Array; type: string | null },
): Outgoing {
  let path = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodePart(shape.params[name] ?? ''),
  );
  const query = Object.entries(shape.query).filter(([, v]) => v !== undefined) as [
    string,
    string,
  ][];
  if (query.length > 0) path += `?${query.map(([k, v]) => `${k}=${encodePart(v)}`).join('&')}`;
  const headers: Record<string, string> = { authorization: `Bearer ${TOKEN}`, ...shape.headers };
  if (rawBody) {
    if (rawBody.type !== null) headers['content-type'] = rawBody.type;
    return { method: op.method, path, headers, body: rawBody.body };
  }
  if (shape.body === undefined) return { method: op.method, path, headers };
  headers['content-type'] = 'application/json';
  return { method: op.method, path, headers, body: JSON.stringify(shape.body) };
}

let keys = 0;
function freshKey(): string {
  keys += 1;
  return `fuzz-key-${keys}`;
}

function baselineOf(op: Operation, ids: Ids, components: Record<string, Schema>): Shape {
  const resource = /^\/api\/(\w+)\//.exec(op.path)?.[1] ?? '';
  const shape: Shape = { params: {}, query: {}, headers: {}, body: undefined };
  for (const p of op.parameters) {
    if (p.in === 'path')
      shape.params[p.name] = ids[`${resource}/${p.name}`] ?? ids.provider_id ?? '';
    else if (p.in === 'header') shape.headers[p.name] = freshKey();
    else if (p.required) shape.query[p.name] = String(sampleOf(p.schema, p.name, ids, components));
  }
  if (op.body) shape.body = sampleOf(op.body, '', ids, components);
  return shape;
}

/** Every single-field mutation of the baseline, then whole-body replacements. */
function* systematicCases(op: Operation, base: Shape): Generator<[string, Outgoing]> {
  for (const p of op.parameters) {
    const values = p.in === 'header' ? STRINGS.filter(headerSafe) : STRINGS;
    for (const [i, value] of values.entries()) {
      const shape = structuredClone(base);
      if (p.in === 'path') shape.params[p.name] = value;
      else if (p.in === 'query') shape.query[p.name] = value;
      else shape.headers[p.name] = value;
      yield [`${p.in} ${p.name} #${i}`, toRequest(op, shape)];
    }
  }
  if (base.body !== undefined) {
    for (const path of fieldPaths(base.body)) {
      for (const [i, value] of [...STRINGS, ...NON_STRINGS, DELETE].entries()) {
        const shape = { ...base, body: withField(base.body, path, value) };
        yield [`body ${path.join('.')} #${i}`, toRequest(op, shape)];
      }
    }
    for (const [i, value] of [...NON_STRINGS, 'text'].entries()) {
      yield [`whole body #${i}`, toRequest(op, { ...base, body: value })];
    }
  }
  if (op.method !== 'GET') {
    for (const [i, raw] of RAW_BODIES.entries()) {
      yield [`raw body #${i}`, toRequest(op, base, raw)];
    }
  }
}

/** Random mixes: each parameter and field keeps its valid value or takes a hostile one. */
function randomCases(op: Operation, base: Shape, seed: number): [string, Outgoing][] {
  const hostile = fc.oneof(fc.constantFrom(...STRINGS), fc.constantFrom(...NON_STRINGS));
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
  const paths = base.body === undefined ? [] : fieldPaths(base.body);
  const arb = fc.record({
    params: fc.array(maybe(fc.constantFrom(...STRINGS)), {
      minLength: op.parameters.length,
      maxLength: op.parameters.length,
    }),
    fields: fc.array(maybe(hostile), { minLength: paths.length, maxLength: paths.length }),
  });
  return fc.sample(arb, { seed, numRuns: RANDOM_RUNS_PER_OPERATION }).map((mix, i) => {
    const shape = structuredClone(base);
    op.parameters.forEach((p, j) => {
      const value = mix.params[j];
      if (value === undefined) return;
      if (p.in === 'path') shape.params[p.name] = value;
      else if (p.in === 'query') shape.query[p.name] = value;
      else if (headerSafe(value)) shape.headers[p.name] = value;
    });
    paths.forEach((path, j) => {
      const value = mix.fields[j];
      if (value !== undefined) shape.body = withField(shape.body, path, value);
    });
    return [`random #${i}`, toRequest(op, shape)];
  });
}

// ---------------------------------------------------------------- the app, the data and the webhooks

const TELEGRAM_TOKEN = '123456:FUZZ-token';
const TELEGRAM_SECRET = 'fuzz_secret-123';
const SLACK_SECRET = 'fuzz-signing-secret';
const SLACK_BOT_TOKEN = 'xoxb-fuzz';
const OUTLOOK_SUBSCRIPTION = 'f00dfeed-0000-4000-8000-000000000001';
const OUTLOOK_STATE = 'fuzz-client-state';
const GOOGLE_CHANNEL = 'f00dfeed-0000-4000-8000-000000000002';
const GOOGLE_TOKEN = 'fuzz-channel-token';

let h: Harness;
let app: Hono<Env>;
let ids: Ids;
let seeded: Seeded;
let doc: Parameters<typeof operationsOf>[0] & { components: { schemas: Record<string, Schema> } };
let caldav: FakeCalDav;
let telegram: FakeTelegram;
let slackApi: FakeSlackApi;
const adapters: BotAdapter[] = [];

beforeAll(async () => {
  h = await createHarness();
  seeded = await seedBookable(h);
  const appointment = await json(await book(h, seeded, '2026-12-01T10:00:00+01:00'));
  const override = await json(
    await h.call('POST', `/api/providers/${seeded.providerId}/overrides`, {
      date: '2026-12-24',
      is_blocked: true,
    }),
  );
  ids = {
    'providers/id': seeded.providerId,
    'services/id': seeded.serviceId,
    'clients/id': seeded.clientId,
    'appointments/id': appointment.id,
    'overrides/id': override.id,
    provider_id: seeded.providerId,
    service_id: seeded.serviceId,
    client_id: seeded.clientId,
  };
  ({ fake: caldav } = await startAppleFake());
  telegram = await startFakeTelegram({ token: TELEGRAM_TOKEN });
  slackApi = await startFakeSlackApi({ botToken: SLACK_BOT_TOKEN });
  app = await buildFuzzApp(h, seeded.providerId);
  doc = await json(await app.request('/api/openapi.json'));
}, 60_000);

// Each test reports only what it found itself.
beforeEach(() => {
  failures.length = 0;
});

afterAll(async () => {
  console.log(`fuzz: ${sent} requests, ${serverErrors} 5xx`);
  for (const adapter of adapters) await adapter.stop();
  await Promise.all([caldav?.close(), telegram?.close(), slackApi?.close()]);
});

/** The app as main.ts composes it: API, calendars, and the Telegram, Slack and web adapters. */
async function buildFuzzApp(harness: Harness, providerId: string): Promise<Hono<Env>> {
  const db = harness.db.db;
  const key = randomBytes(32);
  const clock = () => NOW;
  const logger = { info: () => {}, warn: () => {}, error: () => {} };
  const messenger = createRoutingMessenger();
  const calendars = buildCalendarDeps({
    config: {
      encryptionKey: undefined,
      google: {
        clientId: 'fuzz-google',
        clientSecret: 'fuzz-google-secret',
        apiRoot: 'http://127.0.0.1:1',
        authUrl: 'http://127.0.0.1:1/auth',
        tokenUrl: 'http://127.0.0.1:1/token',
      },
      outlook: {
        clientId: 'fuzz-outlook',
        clientSecret: 'fuzz-outlook-secret',
        tenant: 'common',
        loginUrl: 'http://127.0.0.1:1',
        graphUrl: 'http://127.0.0.1:1',
      },
      appleCalDavUrl: caldav.url,
      timeoutMs: 20_000,
    },
    key,
    publicUrl: 'https://slotline.example',
    db,
    messenger,
    logger,
    clock,
    requestSync: async () => {},
    requestPush: async () => {},
  });
  // A second provider's Outlook and Google channels, so webhook claims can match.
  const connection = await saveNewConnection(db, key, {
    providerId,
    kind: 'OUTLOOK',
    tokens: { accessToken: 'a', refreshToken: 'r', expiresAt: new Date('2027-01-01T00:00:00Z') },
    accountName: null,
    password: null,
    externalCalendarId: null,
  });
  await saveChannel(
    db,
    connection.id,
    { id: OUTLOOK_SUBSCRIPTION, resourceId: null, expiresAt: new Date('2026-12-03T00:00:00Z') },
    OUTLOOK_STATE,
  );
  const chatDeps = {
    db,
    messenger,
    noShowLockoutDays: 30,
    logger,
    relayChanges: async () => {},
    calendars,
  };
  const built = createApp({
    db,
    adminToken: TOKEN,
    clock,
    noShowLockoutDays: 30,
    logger,
    relayChanges: async () => {},
    calendars,
    listFailedJobs: async () => [],
  });
  const handle = (event: Parameters<typeof handleChatEvent>[1]) =>
    handleChatEvent(chatDeps, event, clock());
  adapters.push(
    createTelegramAdapter({
      token: TELEGRAM_TOKEN,
      apiRoot: telegram.apiRoot,
      webhookSecret: TELEGRAM_SECRET,
      publicUrl: 'https://slotline.example',
      handle,
      logger,
      rateLimits: { globalIntervalMs: 0, perChatIntervalMs: 0, maxRetries: 0 },
    }),
    createSlackAdapter({
      botToken: SLACK_BOT_TOKEN,
      signingSecret: SLACK_SECRET,
      appToken: null,
      apiUrl: slackApi.url,
      handle,
      logger,
      clock,
      channelIntervalMs: 0,
      retryConfig: { retries: 0 },
    }),
    createWebChatAdapter({ providers: createProviderDirectory(db, clock), handle, logger, clock }),
  );
  for (const adapter of adapters) {
    messenger.register(adapter.platform, adapter.messenger);
    adapter.mount(built);
  }
  for (const adapter of adapters) await adapter.start();
  return built;
}

/** Books the seeded client on a Thursday slot of its own (one per operation number). */
async function freshAppointment(n: number): Promise<string> {
  const day = new Date(Date.UTC(2026, 11, 3 + 7 * Math.floor(n / 14)));
  const hour = 9 + (n % 14) / 2;
  const start = `${day.toISOString().slice(0, 10)}T${String(Math.floor(hour)).padStart(2, '0')}:${hour % 1 ? '30' : '00'}:00+01:00`;
  const response = await book(h, seeded, start, { key: `fresh-${n}` });
  expect(response.status, `booking ${start}`).toBe(201);
  return (await json(response)).id;
}

/** Undoes what a route's fuzzing may have switched off, so the next route goes as deep. */
async function restoreSeed(): Promise<void> {
  await h.call('PATCH', `/api/providers/${seeded.providerId}`, {
    is_active: true,
    max_active_bookings_per_client: null,
  });
  await h.call('PATCH', `/api/services/${seeded.serviceId}`, {
    is_active: true,
    max_bookings_per_day: null,
    max_bookings_per_week: null,
    requires_approval: false,
    duration_minutes: 30,
    buffer_time_minutes: 0,
    min_notice_minutes: 0,
    max_advance_days: 365,
    slot_interval_minutes: null,
  });
  await h.call('PUT', `/api/providers/${seeded.providerId}/availability`, {
    windows: WEEKDAYS_9_TO_5,
  });
  await h.db.db
    .delete(availabilityOverrides)
    .where(ne(availabilityOverrides.id, ids['overrides/id'] ?? ''));
}

// ---------------------------------------------------------------- the tests

describe('fuzzing every route in /api/openapi.json', () => {
  it('covers every path and method the document lists', () => {
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThanOrEqual(30);
    expect(operations.map((o) => `${o.method} ${o.path}`)).toContain('POST /api/appointments');
  });

  it('never answers 5xx, and answers every 4xx in the error shape', async () => {
    const operations = operationsOf(doc);
    // Deletions last, so the other routes meet the seeded rows.
    operations.sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    for (const [n, op] of operations.entries()) {
      // Each appointment route starts from a fresh confirmed appointment of its own.
      if (op.path.startsWith('/api/appointments/{id}')) {
        ids['appointments/id'] = await freshAppointment(n);
      }
      const base = baselineOf(op, ids, doc.components.schemas);
      const name = `${op.method} ${op.path}`;
      await send(app, toRequest(op, base), `${name} baseline`);
      for (const [label, request] of systematicCases(op, base)) {
        await send(app, request, `${name} ${label}`);
      }
      for (const [label, request] of randomCases(op, base, SEED + n)) {
        await send(app, request, `${name} ${label}`);
      }
      await restoreSeed();
    }
    expect(failures).toEqual([]);
  }, 120_000);
});

describe('fuzzing every webhook', () => {
  it('Telegram with the right secret: never 5xx, 4xx in the error shape', async () => {
    const post = (body: string | Uint8Array, type = 'application/json') =>
      ({
        method: 'POST',
        path: TELEGRAM_PATH,
        headers: { 'content-type': type, 'X-Telegram-Bot-Api-Secret-Token': TELEGRAM_SECRET },
        body,
      }) as const;
    const update = {
      update_id: 1,
      message: {
        message_id: 1,
        date: 1_796_000_000,
        text: '/book',
        chat: { id: 7001, type: 'private' },
        from: { id: 7001, is_bot: false, first_name: 'Fuzz' },
      },
    };
    const callback = {
      update_id: 2,
      callback_query: {
        id: 'cb',
        chat_instance: 'ci',
        data: 'x',
        from: { id: 7001, is_bot: false, first_name: 'Fuzz' },
        message: { message_id: 1, date: 0, chat: { id: 7001, type: 'private' } },
      },
    };
    let updateId = 10;
    for (const base of [update, callback]) {
      for (const path of fieldPaths(base)) {
        for (const value of [...STRINGS, ...NON_STRINGS, DELETE]) {
          const mutated = withField(base, path, value) as Record<string, unknown>;
          if (path[0] !== 'update_id') mutated.update_id = updateId += 1;
          await send(app, post(JSON.stringify(mutated)), `telegram ${path.join('.')}`);
        }
      }
    }
    for (const raw of RAW_BODIES) {
      await send(app, post(raw.body, raw.type ?? 'text/plain'), 'telegram raw');
    }
    for (const value of NON_STRINGS) {
      await send(app, post(JSON.stringify(value)), 'telegram whole body');
    }
    await send(
      app,
      {
        method: 'POST',
        path: TELEGRAM_PATH,
        headers: { 'X-Telegram-Bot-Api-Secret-Token': 'no' },
        body: '{',
      },
      'telegram wrong secret',
    );
    expect(failures).toEqual([]);
  }, 120_000);

  it('Slack with a valid signature over garbage: never 5xx, 4xx in the error shape', async () => {
    const at = NOW;
    const signed = (body: string, type: string) => {
      const init = signedRequest(SLACK_SECRET, body, type, at);
      return { method: 'POST', path: SLACK_EVENTS_PATH, headers: init.headers, body } as const;
    };
    const event = JSON.parse(
      eventBody('Ev1', {
        type: 'message',
        channel_type: 'im',
        user: 'U1',
        text: 'hi',
        channel: 'D1',
        ts: '1.1',
      }),
    ) as Record<string, unknown>;
    const action = {
      type: 'block_actions',
      user: { id: 'U1', username: 'u', name: 'u', team_id: 'T0FAKE' },
      team: { id: 'T0FAKE', domain: 'fake' },
      api_app_id: 'A0FAKE',
      trigger_id: 't',
      channel: { id: 'D1', name: 'directmessage' },
      actions: [
        { type: 'button', action_id: 'btn:0:0', block_id: 'b', value: 'x', action_ts: '1' },
      ],
    };
    let n = 0;
    for (const path of fieldPaths(event)) {
      for (const value of [...STRINGS, ...NON_STRINGS, DELETE]) {
        const mutated = withField(event, path, value) as Record<string, unknown>;
        n += 1;
        if (path[0] !== 'event_id') mutated.event_id = `Ev-fuzz-${n}`;
        await send(
          app,
          signed(JSON.stringify(mutated), 'application/json'),
          `slack event ${path.join('.')}`,
        );
      }
    }
    for (const path of fieldPaths(action)) {
      for (const value of [...STRINGS.filter((s) => s.length < 10_000), ...NON_STRINGS, DELETE]) {
        const body = interactionBody(withField(action, path, value));
        await send(
          app,
          signed(body, 'application/x-www-form-urlencoded'),
          `slack action ${path.join('.')}`,
        );
      }
    }
    for (const field of ['command', 'text', 'user_id', 'trigger_id', 'channel_id']) {
      for (const value of STRINGS.filter((s) => s.length < 10_000)) {
        const form = new URLSearchParams({
          command: '/book',
          text: '',
          user_id: 'U1',
          trigger_id: 't',
          channel_id: 'D1',
          [field]: value,
        });
        await send(
          app,
          signed(form.toString(), 'application/x-www-form-urlencoded'),
          `slack slash ${field}`,
        );
      }
    }
    for (const raw of RAW_BODIES) {
      const text =
        typeof raw.body === 'string' ? raw.body : Buffer.from(raw.body).toString('latin1');
      await send(app, signed(text, raw.type ?? 'text/plain'), 'slack raw');
    }
    await send(
      app,
      {
        method: 'POST',
        path: SLACK_EVENTS_PATH,
        headers: { 'content-type': 'application/json' },
        body: '{}',
      },
      'slack unsigned',
    );
    expect(failures).toEqual([]);
  }, 120_000);

  it('Google and Outlook calendar webhooks: never 5xx, 4xx in the error shape', async () => {
    for (const [name, value] of [
      ['x-goog-channel-id', GOOGLE_CHANNEL],
      ['x-goog-channel-token', GOOGLE_TOKEN],
      ['x-goog-resource-state', 'exists'],
    ] as const) {
      for (const bad of STRINGS.filter(headerSafe)) {
        const headers: Record<string, string> = {
          'x-goog-channel-id': GOOGLE_CHANNEL,
          'x-goog-channel-token': GOOGLE_TOKEN,
          'x-goog-resource-state': 'exists',
          [name]: bad,
        };
        expect(value).toBeDefined();
        await send(
          app,
          { method: 'POST', path: '/webhooks/google/calendar', headers },
          `google ${name}`,
        );
      }
    }
    const note = {
      subscriptionId: OUTLOOK_SUBSCRIPTION,
      clientState: OUTLOOK_STATE,
      changeType: 'updated',
    };
    const outlook = (body: string | Uint8Array, query = '') =>
      ({
        method: 'POST',
        path: `/webhooks/outlook/calendar${query}`,
        headers: { 'content-type': 'application/json' },
        body,
      }) as const;
    for (const path of fieldPaths({ value: [note] })) {
      for (const value of [...STRINGS, ...NON_STRINGS, DELETE]) {
        const body = JSON.stringify(withField({ value: [note] }, path, value));
        await send(app, outlook(body), `outlook ${path.join('.')}`);
      }
    }
    for (const count of [1000, 1001, 20_000]) {
      const body = JSON.stringify({ value: Array.from({ length: count }, () => note) });
      await send(app, outlook(body), `outlook ${count} entries`);
    }
    for (const raw of RAW_BODIES) await send(app, outlook(raw.body), 'outlook raw');
    for (const value of STRINGS) {
      await send(app, outlook('', `?validationToken=${encodePart(value)}`), 'outlook validation');
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('OAuth pages and the web chat: never 5xx', async () => {
    for (const kind of ['google', 'outlook']) {
      for (const step of ['start', 'callback']) {
        for (const param of ['state', 'code', 'error']) {
          for (const value of STRINGS) {
            const path = `/oauth/${kind}/${step}?state=x&${param}=${encodePart(value)}`;
            await send(app, { method: 'GET', path, html: true }, `oauth ${kind} ${step} ${param}`);
          }
        }
      }
    }
    const event = {
      user: DEMO_CLIENT_ID,
      timezone: 'Europe/Berlin',
      updateId: '3f1d2c4b-5a69-4788-9a0b-1c2d3e4f5a6b',
      input: { kind: 'line', text: '/book' },
    };
    for (const path of fieldPaths(event)) {
      for (const value of [...STRINGS, ...NON_STRINGS, DELETE]) {
        const body = JSON.stringify(withField(event, path, value));
        await send(
          app,
          {
            method: 'POST',
            path: '/webchat/events',
            headers: { 'content-type': 'application/json' },
            body,
          },
          `webchat ${path.join('.')}`,
        );
      }
    }
    for (const raw of RAW_BODIES) {
      const headers: Record<string, string> = raw.type === null ? {} : { 'content-type': raw.type };
      await send(
        app,
        { method: 'POST', path: '/webchat/events', headers, body: raw.body },
        'webchat raw',
      );
    }
    for (const param of ['user', 'cursor', 'wait']) {
      // wait=1..25 would hold the request open on purpose; none of the STRINGS is such a number.
      for (const value of STRINGS) {
        const path = `/webchat/inbox?user=${DEMO_CLIENT_ID}&wait=0&${param}=${encodePart(value)}`;
        await send(app, { method: 'GET', path }, `webchat inbox ${param}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
