// Test harness: the real app on a fresh database of its own, with a fixed, settable clock.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createApp } from '../../src/http/create-app.ts';
import type { Logger } from '../../src/ports/logger.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

export const TOKEN = 'test-admin-token-0123456789';
/** Monday 2026-11-30, 09:00 in Berlin. */
export const NOW = new Date('2026-11-30T08:00:00Z');

export type LogEntry = { level: string; fields: Record<string, unknown>; message?: string };

export type Harness = {
  readonly app: OpenAPIHono;
  readonly db: TestDatabase;
  readonly logs: LogEntry[];
  /** How many times the app nudged the outbox relay (once per committed change). */
  readonly nudges: () => number;
  /** Moves the app's clock; every handler reads it. */
  setNow(instant: Date): void;
  /** A request with the admin token and, when `body` is given, a JSON body. */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
};

/** Creates the database and app; call in beforeAll. */
export async function createHarness(noShowLockoutDays = 30): Promise<Harness> {
  const db = await createTestDatabase();
  let now = NOW;
  const logs: LogEntry[] = [];
  const log =
    (level: string) =>
    (fields: Record<string, unknown>, message?: string): void => {
      logs.push(message === undefined ? { level, fields } : { level, fields, message });
    };
  const logger: Logger = { info: log('info'), warn: log('warn'), error: log('error') };
  let nudges = 0;
  const app = createApp({
    db: db.db,
    adminToken: TOKEN,
    clock: () => now,
    noShowLockoutDays,
    logger,
    relayChanges: async () => {
      nudges += 1;
    },
  });
  return {
    app,
    db,
    logs,
    nudges: () => nudges,
    setNow: (instant) => {
      now = instant;
    },
    call: async (method, path, body, headers = {}) =>
      app.request(path, {
        method,
        headers: {
          authorization: `Bearer ${TOKEN}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}

/** Reads a JSON body with a loose type, for assertions. */
// biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON.
export async function json(response: Response): Promise<any> {
  return response.json();
}

export type Seeded = { providerId: string; serviceId: string; clientId: string };

/** Weekdays 09:00-17:00. */
export const WEEKDAYS_9_TO_5 = [0, 1, 2, 3, 4].map((day) => ({
  day_of_week: day,
  start_time: '09:00',
  end_time: '17:00',
}));

/**
 * Through the API: a provider in Europe/Berlin working weekdays 9-17, a 30-minute service
 * (fields in `service` override the defaults) and a client.
 */
export async function seedBookable(
  h: Harness,
  service: Record<string, unknown> = {},
): Promise<Seeded> {
  const provider = await json(
    await h.call('POST', '/api/providers', {
      name: 'Dr Berlin',
      type: 'DOCTOR',
      timezone: 'Europe/Berlin',
    }),
  );
  const created = await json(
    await h.call('POST', `/api/providers/${provider.id}/services`, {
      name: 'Consultation',
      duration_minutes: 30,
      price: 5000,
      currency: 'EUR',
      ...service,
    }),
  );
  await h.call('PUT', `/api/providers/${provider.id}/availability`, { windows: WEEKDAYS_9_TO_5 });
  const client = await json(
    await h.call('POST', '/api/clients', { name: 'Cleo', timezone: 'Europe/Berlin' }),
  );
  return { providerId: provider.id, serviceId: created.id, clientId: client.id };
}

let keys = 0;

/** POST /api/appointments for `start` with a fresh Idempotency-Key unless one is given. */
export function book(
  h: Harness,
  s: Seeded,
  start: string,
  extra: { key?: string; notes?: string; clientId?: string } = {},
): Promise<Response> {
  keys += 1;
  return h.call(
    'POST',
    '/api/appointments',
    {
      provider_id: s.providerId,
      service_id: s.serviceId,
      client_id: extra.clientId ?? s.clientId,
      start_time: start,
      ...(extra.notes === undefined ? {} : { notes: extra.notes }),
    },
    { 'idempotency-key': extra.key ?? `key-${keys}-${start}` },
  );
}
