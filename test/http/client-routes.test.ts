// /api/clients: create, read and lift a no-show lockout (the lockout itself: appointment tests).
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, json, NOW } from './app-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('/api/clients', () => {
  it('creates and reads a client', async () => {
    const response = await h.call('POST', '/api/clients', {
      name: 'Ada',
      email: 'ada@example.org',
      timezone: 'asia/tokyo',
    });
    expect(response.status).toBe(201);
    const created = await json(response);
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Ada',
      email: 'ada@example.org',
      timezone: 'Asia/Tokyo',
      no_show_count: 0,
      no_show_lockout_until: null,
      created_at: NOW.toISOString(),
    });
    const read = await h.call('GET', `/api/clients/${created.id}`);
    expect(read.status).toBe(200);
    expect(await json(read)).toEqual(created);
  });

  it.each([
    ['an unknown time zone', { name: 'A', timezone: 'Atlantis/Capital' }],
    ['a missing name', { timezone: 'UTC' }],
    ['a wrong email type', { name: 'A', timezone: 'UTC', email: 7 }],
  ])('refuses %s with 400', async (_, body) => {
    const response = await h.call('POST', '/api/clients', body);
    expect(response.status).toBe(400);
    expect((await json(response)).error.code).toBe('VALIDATION_ERROR');
  });

  it.each([[UNKNOWN], ['not-a-uuid']])('answers client %s with 404', async (id) => {
    for (const [method, path] of [
      ['GET', `/api/clients/${id}`],
      ['POST', `/api/clients/${id}/lift-lockout`],
    ] as const) {
      const response = await h.call(method, path);
      expect(response.status).toBe(404);
      expect((await json(response)).error.details).toEqual({ entity: 'client' });
    }
  });

  it('lifting a client without a lockout changes nothing', async () => {
    const created = await json(
      await h.call('POST', '/api/clients', { name: 'B', timezone: 'UTC' }),
    );
    const response = await h.call('POST', `/api/clients/${created.id}/lift-lockout`);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual(created);
  });
});
