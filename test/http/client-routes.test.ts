// /api/clients: create, read, update and lift a no-show lockout (the lockout: appointment tests).
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, json, NOW, TOKEN } from './app-harness.ts';

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
      ['PATCH', `/api/clients/${id}`],
    ] as const) {
      const response = await h.call(method, path, method === 'PATCH' ? { name: 'X' } : undefined);
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

describe('PATCH /api/clients/:id', () => {
  const register = async () =>
    json(
      await h.call('POST', '/api/clients', {
        name: 'Dana',
        email: 'dana@example.org',
        timezone: 'Europe/Berlin',
      }),
    );

  it.each([
    ['name', { name: '  Dana Scully ' }, { name: 'Dana Scully' }],
    ['email', { email: 'scully@example.org' }, { email: 'scully@example.org' }],
    ['time zone', { timezone: 'america/new_york' }, { timezone: 'America/New_York' }],
    ['email removal', { email: null }, { email: null }],
  ])('changes only the %s', async (_, patch, expected) => {
    const created = await register();
    const response = await h.call('PATCH', `/api/clients/${created.id}`, patch);
    expect(response.status).toBe(200);
    const updated = await json(response);
    expect(updated).toEqual({ ...created, ...expected });
    expect(await json(await h.call('GET', `/api/clients/${created.id}`))).toEqual(updated);
  });

  it('returns the client unchanged for an empty patch or no body', async () => {
    const created = await register();
    const empty = await h.call('PATCH', `/api/clients/${created.id}`, {});
    expect(empty.status).toBe(200);
    expect(await json(empty)).toEqual(created);
    const bare = await h.call('PATCH', `/api/clients/${created.id}`);
    expect(bare.status).toBe(200);
    expect(await json(bare)).toEqual(created);
    const blank = await h.app.request(`/api/clients/${created.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: ' ',
    });
    expect(blank.status).toBe(200);
  });

  it.each([
    ['a bad email', { email: 'not-an-address' }],
    ['an unknown time zone', { timezone: 'Atlantis/Capital' }],
    ['an offset as time zone', { timezone: '+01:00' }],
    ['an empty name', { name: '  ' }],
    ['a too long name', { name: 'x'.repeat(201) }],
    ['a wrong name type', { name: 7 }],
    ['a wrong email type', { email: 7 }],
    ['a null time zone', { timezone: null }],
    ['a null name', { name: null }],
    ['an unknown field', { no_show_count: 0 }],
  ])('refuses %s with 400 and keeps the client', async (_, patch) => {
    const created = await register();
    const response = await h.call('PATCH', `/api/clients/${created.id}`, patch);
    expect(response.status).toBe(400);
    const error = (await json(response)).error;
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.details.issues.length).toBeGreaterThan(0);
    expect(await json(await h.call('GET', `/api/clients/${created.id}`))).toEqual(created);
  });

  it('answers 401 without the admin token', async () => {
    const created = await register();
    const response = await h.app.request(`/api/clients/${created.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Mallory' }),
    });
    expect(response.status).toBe(401);
    expect(await json(await h.call('GET', `/api/clients/${created.id}`))).toEqual(created);
  });

  it('is documented next to GET in the OpenAPI document', async () => {
    const doc = await json(await h.app.request('/api/openapi.json'));
    expect(Object.keys(doc.paths['/api/clients/{id}']).sort()).toEqual(['get', 'patch']);
    expect(doc.components.schemas).toHaveProperty('UpdateClient');
  });
});
