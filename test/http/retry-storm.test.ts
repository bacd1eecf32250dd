// Retries and races as real traffic makes them: 200 at once, on one instance and on two sharing a database.
import type { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarness,
  type Harness,
  json,
  type Seeded,
  seedBookable,
  TOKEN,
} from './app-harness.ts';
import { openSecondInstance } from './second-instance.ts';

const AT_ONCE = 200;
let h: Harness;
let second: OpenAPIHono;
let closeSecond: () => Promise<void>;

beforeAll(async () => {
  h = await createHarness();
  ({ app: second, close: closeSecond } = openSecondInstance(h));
});
afterAll(async () => {
  await closeSecond();
});

async function post(app: OpenAPIHono, s: Seeded, start: string, key: string): Promise<Response> {
  return app.request('/api/appointments', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      'idempotency-key': key,
    },
    body: JSON.stringify({
      provider_id: s.providerId,
      service_id: s.serviceId,
      client_id: s.clientId,
      start_time: start,
    }),
  });
}

/** Sends `count` requests at once, alternating between the instances given. */
async function storm(
  apps: OpenAPIHono[],
  send: (app: OpenAPIHono, i: number) => Promise<Response>,
) {
  const responses = await Promise.all(
    Array.from({ length: AT_ONCE }, (_, i) => send(apps[i % apps.length] as OpenAPIHono, i)),
  );
  return Promise.all(responses.map(async (r) => ({ status: r.status, body: await json(r) })));
}

async function healthy(app: OpenAPIHono): Promise<number> {
  return (await app.request('/healthz')).status;
}

describe.each([
  ['one instance', () => [h.app]],
  ['two instances on one database', () => [h.app, second]],
])('%s', (_, appsOf) => {
  it(`answers ${AT_ONCE} retries of a committed booking, each with the same appointment`, async () => {
    const apps = appsOf();
    const s = await seedBookable(h);
    const first = await post(h.app, s, '2026-12-01T09:00:00+01:00', `committed-${s.clientId}`);
    expect(first.status).toBe(201);
    const { id } = await json(first);
    const results = await storm(apps, (app) =>
      post(app, s, '2026-12-01T09:00:00+01:00', `committed-${s.clientId}`),
    );
    expect(results.map((r) => r.status)).toEqual(Array(AT_ONCE).fill(200));
    expect(new Set(results.map((r) => r.body.id))).toEqual(new Set([id]));
    for (const app of apps) expect(await healthy(app)).toBe(200);
  });

  it(`answers ${AT_ONCE} copies of a first request sent at once: one 201, the rest replay it`, async () => {
    const apps = appsOf();
    const s = await seedBookable(h);
    const results = await storm(apps, (app) =>
      post(app, s, '2026-12-01T10:00:00+01:00', `fresh-${s.clientId}`),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(AT_ONCE - 1).fill(200), 201].sort());
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    for (const app of apps) expect(await healthy(app)).toBe(200);
  });

  it(`answers ${AT_ONCE} different bookings of one slot: one 201, the rest SLOT_TAKEN`, async () => {
    const apps = appsOf();
    const s = await seedBookable(h);
    const results = await storm(apps, (app, i) =>
      post(app, s, '2026-12-01T11:00:00+01:00', `race-${s.clientId}-${i}`),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const losers = results.filter((r) => r.status !== 201);
    expect(losers.map((r) => [r.status, r.body.error?.code])).toEqual(
      Array(AT_ONCE - 1).fill([409, 'SLOT_TAKEN']),
    );
    const listed = await json(await h.call('GET', `/api/appointments?provider_id=${s.providerId}`));
    expect(listed.data).toHaveLength(1);
  });
});
