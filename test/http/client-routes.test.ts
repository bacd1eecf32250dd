// /api/clients: create, list, read, update, lift a no-show lockout (lockout: appointment tests).
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { clients } from '../../src/db/schema/clients.ts';
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
      language: null,
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

describe('GET /api/clients', () => {
  type Listed = { id: string; name: string; created_at: string };

  /** Follows next_cursor from the first page to the last, checking each page's size. */
  async function pageThrough(limit: number): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor
        ? `limit=${limit}&cursor=${encodeURIComponent(cursor)}`
        : `limit=${limit}`;
      const response = await h.call('GET', `/api/clients?${query}`);
      expect(response.status).toBe(200);
      const page = await json(response);
      cursor = page.next_cursor;
      // Every page but the last is full; the last is never empty.
      if (cursor !== null) expect(page.data).toHaveLength(limit);
      else expect(page.data.length).toBeGreaterThan(0);
      ids.push(...page.data.map((c: Listed) => c.id));
      pages += 1;
      expect(pages).toBeLessThan(1000);
    } while (cursor !== null);
    return { ids, pages };
  }

  it('lists clients in the same JSON as GET /api/clients/:id, lockout included', async () => {
    const plain = await json(
      await h.call('POST', '/api/clients', { name: 'Listed', timezone: 'UTC' }),
    );
    const locked = await json(
      await h.call('POST', '/api/clients', {
        name: 'Locked',
        email: 'locked@example.org',
        timezone: 'europe/paris',
      }),
    );
    const until = new Date(NOW.getTime() + 86_400_000);
    await h.db.db
      .update(clients)
      .set({ noShowCount: 2, noShowLockoutUntil: until })
      .where(eq(clients.id, locked.id));
    const response = await h.call('GET', '/api/clients?limit=500');
    expect(response.status).toBe(200);
    const body = await json(response);
    expect(body).toEqual({ data: expect.any(Array), next_cursor: null });
    for (const id of [plain.id, locked.id]) {
      const listed = body.data.filter((c: Listed) => c.id === id);
      expect(listed).toEqual([await json(await h.call('GET', `/api/clients/${id}`))]);
    }
    expect(body.data.find((c: Listed) => c.id === locked.id)).toMatchObject({
      timezone: 'Europe/Paris',
      no_show_count: 2,
      no_show_lockout_until: until.toISOString(),
    });
  });

  it('pages with limit=1 and limit=2 over every client once, ordered by (created_at, id)', async () => {
    // Three share one created_at, so only the id breaks their tie; two come later, one earlier.
    for (const [offset, name] of [
      [0, 'Tie A'],
      [0, 'Tie B'],
      [0, 'Tie C'],
      [3_600_000, 'Later 1'],
      [7_200_000, 'Later 2'],
      [-3_600_000, 'Earlier'],
    ] as const) {
      h.setNow(new Date(NOW.getTime() + offset));
      const response = await h.call('POST', '/api/clients', { name, timezone: 'UTC' });
      expect(response.status).toBe(201);
    }
    h.setNow(NOW);
    const all: Listed[] = (await json(await h.call('GET', '/api/clients?limit=500'))).data;
    expect(all.length).toBeGreaterThanOrEqual(6);
    const sorted = [...all].sort(
      (a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id),
    );
    expect(all.map((c) => c.id)).toEqual(sorted.map((c) => c.id));
    expect(all.map((c) => c.name)).toContain('Earlier');
    expect(all.findIndex((c) => c.name === 'Earlier')).toBeLessThan(
      all.findIndex((c) => c.name === 'Tie A'),
    );
    const expected = all.map((c) => c.id);
    expect(new Set(expected).size).toBe(expected.length);
    for (const limit of [1, 2]) {
      const { ids, pages } = await pageThrough(limit);
      expect(ids).toEqual(expected);
      expect(pages).toBe(Math.ceil(expected.length / limit));
    }
  });

  it('defaults to 50 per page', async () => {
    for (let i = 0; i < 51; i++) {
      await h.call('POST', '/api/clients', { name: `Bulk ${i}`, timezone: 'UTC' });
    }
    const first = await json(await h.call('GET', '/api/clients'));
    expect(first.data).toHaveLength(50);
    expect(first.next_cursor).toEqual(expect.any(String));
    const total = (await json(await h.call('GET', '/api/clients?limit=500'))).data.length;
    const rest = await json(
      await h.call('GET', `/api/clients?cursor=${encodeURIComponent(first.next_cursor)}`),
    );
    expect(rest.data).toHaveLength(Math.min(50, total - 50));
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=abc', 'limit'],
    ['limit=2.5', 'limit'],
    ['cursor=', 'cursor'],
    ['cursor=garbage', 'cursor'],
    [`cursor=${Buffer.from('["x","y"]').toString('base64url')}`, 'cursor'],
    [
      `cursor=${Buffer.from(JSON.stringify(['2026-11-30T08:00:00.000000Z', 'not-a-uuid'])).toString('base64url')}`,
      'cursor',
    ],
  ])('refuses %s with 400 VALIDATION_ERROR naming the field', async (query, field) => {
    const response = await h.call('GET', `/api/clients?${query}`);
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body).toEqual({
      error: { code: 'VALIDATION_ERROR', message: expect.any(String), details: expect.any(Object) },
    });
    expect(body.error.details.issues[0].path).toEqual([field]);
  });

  it.each([
    ['no header', {}],
    ['a wrong token', { authorization: 'Bearer wrong-token' }],
  ])('answers 401 UNAUTHORIZED with %s', async (_, headers) => {
    const response = await h.app.request('/api/clients', { headers });
    expect(response.status).toBe(401);
    expect((await json(response)).error.code).toBe('UNAUTHORIZED');
  });

  it('is documented next to POST in the OpenAPI document', async () => {
    const doc = await json(await h.app.request('/api/openapi.json'));
    const path = doc.paths['/api/clients'];
    expect(Object.keys(path).sort()).toEqual(['get', 'post']);
    const params = path.get.parameters.map((p: { name: string; in: string }) => [p.name, p.in]);
    expect(params).toEqual(
      expect.arrayContaining([
        ['limit', 'query'],
        ['cursor', 'query'],
      ]),
    );
    expect(path.get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ClientList',
    });
    expect(path.get.responses).toHaveProperty('400');
    expect(doc.components.schemas.ClientList.properties.data.items).toEqual({
      $ref: '#/components/schemas/Client',
    });
  });
});
