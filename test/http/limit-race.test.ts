// A daily limit over REST under a storm: 200 bookings of different free times on one day, on one instance and on two.
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

/** 200 different 2-minute starts on Tuesday 2026-12-01 from 09:00 Berlin, none overlapping. */
function startOf(i: number): string {
  return new Date(Date.parse('2026-12-01T08:00:00Z') + i * 2 * 60_000).toISOString();
}

async function post(app: OpenAPIHono, s: Seeded, i: number): Promise<Response> {
  return app.request('/api/appointments', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${TOKEN}`,
      'content-type': 'application/json',
      'idempotency-key': `limit-race-${s.serviceId}-${i}`,
    },
    body: JSON.stringify({
      provider_id: s.providerId,
      service_id: s.serviceId,
      client_id: s.clientId,
      start_time: startOf(i),
    }),
  });
}

async function storm(apps: OpenAPIHono[], s: Seeded) {
  const responses = await Promise.all(
    Array.from({ length: AT_ONCE }, (_, i) => post(apps[i % apps.length] as OpenAPIHono, s, i)),
  );
  return Promise.all(responses.map(async (r) => ({ status: r.status, body: await json(r) })));
}

const service = {
  duration_minutes: 2,
  slot_interval_minutes: 2,
  max_advance_days: 365,
  max_bookings_per_day: 3,
};

describe('max_bookings_per_day 3 under 200 parallel bookings', () => {
  it.each([
    ['one instance', () => [h.app]],
    ['two instances sharing the database', () => [h.app, second]],
  ])('%s: three 201s, the rest 409 LIMIT_REACHED, three booked', async (_, apps) => {
    const s = await seedBookable(h, service);
    const answers = await storm(apps(), s);
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((st) => st === 201)).toHaveLength(3);
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(AT_ONCE - 3);
    for (const r of refused) {
      expect(r.body.error).toMatchObject({
        code: 'LIMIT_REACHED',
        details: { limit: 'SERVICE_PER_DAY', max: 3, date: '2026-12-01' },
      });
    }
    const listed = await json(
      await h.call('GET', `/api/appointments?provider_id=${s.providerId}&limit=500`),
    );
    expect(listed.data).toHaveLength(3);
  });
});
