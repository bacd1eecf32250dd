// /api/providers: create, read, update and list with paging.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, json, NOW, TOKEN } from './app-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const dr = { name: 'Dr Who', type: 'DOCTOR', timezone: 'Europe/Berlin' };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('POST /api/providers', () => {
  it('creates a provider with defaults and a canonical time zone', async () => {
    const response = await h.call('POST', '/api/providers', { ...dr, timezone: 'europe/berlin' });
    expect(response.status).toBe(201);
    const body = await json(response);
    expect(body).toEqual({
      id: expect.any(String),
      user_id: null,
      name: 'Dr Who',
      type: 'DOCTOR',
      timezone: 'Europe/Berlin',
      bio: null,
      photo_url: null,
      email: null,
      is_active: true,
      max_active_bookings_per_client: null,
      language: null,
      created_at: NOW.toISOString(),
      updated_at: NOW.toISOString(),
    });
  });

  it('stores the optional fields', async () => {
    const full = {
      ...dr,
      type: 'THERAPIST',
      bio: 'Listens.',
      photo_url: 'https://example.org/p.png',
      email: 'dr@example.org',
      user_id: 'user-7',
      is_active: false,
    };
    const body = await json(await h.call('POST', '/api/providers', full));
    expect(body).toMatchObject({ ...full, timezone: 'Europe/Berlin' });
  });

  it.each([
    ['an unknown time zone', { ...dr, timezone: 'Mars/Olympus' }, 'timezone'],
    ['an offset instead of a zone', { ...dr, timezone: '+01:00' }, 'timezone'],
    ['a wrong type', { ...dr, type: 'WIZARD' }, 'type'],
    ['a number as name', { ...dr, name: 42 }, 'name'],
    ['a blank name', { ...dr, name: '   ' }, 'name'],
    ['a missing timezone', { name: 'X', type: 'DOCTOR' }, 'timezone'],
    ['a bad email', { ...dr, email: 'not-an-email' }, 'email'],
    ['an unknown field', { ...dr, colour: 'red' }, ''],
    ['a NUL character', { ...dr, bio: 'a\u0000b' }, 'bio'],
  ])('refuses %s with 400 VALIDATION_ERROR', async (_, body, field) => {
    const response = await h.call('POST', '/api/providers', body);
    expect(response.status).toBe(400);
    const error = (await json(response)).error;
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.details.issues.length).toBeGreaterThan(0);
    if (field) expect(error.details.issues[0].path).toEqual([field]);
  });
});

describe('GET and PATCH /api/providers/:id', () => {
  it('reads a provider back', async () => {
    const created = await json(await h.call('POST', '/api/providers', dr));
    const response = await h.call('GET', `/api/providers/${created.id}`);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual(created);
  });

  it.each([
    ['an unknown id', UNKNOWN],
    ['a malformed id', 'not-a-uuid'],
    ['an SQL-looking id', "1'; drop table providers; --"],
  ])('answers %s with 404 NOT_FOUND', async (_, id) => {
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { name: 'X' }],
    ] as const) {
      const response = await h.call(method, `/api/providers/${encodeURIComponent(id)}`, body);
      expect(response.status).toBe(404);
      expect(await json(response)).toMatchObject({
        error: { code: 'NOT_FOUND', details: { entity: 'provider' } },
      });
    }
  });

  it('changes only the given fields and stamps updated_at from the clock', async () => {
    const created = await json(await h.call('POST', '/api/providers', { ...dr, bio: 'Old' }));
    const later = new Date(NOW.getTime() + 60_000);
    h.setNow(later);
    const response = await h.call('PATCH', `/api/providers/${created.id}`, {
      timezone: 'america/new_york',
      bio: null,
    });
    h.setNow(NOW);
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({
      ...created,
      timezone: 'America/New_York',
      bio: null,
      updated_at: later.toISOString(),
    });
  });

  it('returns the provider unchanged for an empty patch', async () => {
    const created = await json(await h.call('POST', '/api/providers', dr));
    const response = await h.call('PATCH', `/api/providers/${created.id}`, {});
    expect(await json(response)).toEqual(created);
  });

  it('accepts a patch with no body or an empty JSON body', async () => {
    const created = await json(await h.call('POST', '/api/providers', dr));
    const bare = await h.call('PATCH', `/api/providers/${created.id}`);
    expect(bare.status).toBe(200);
    expect(await json(bare)).toEqual(created);
    const empty = await h.app.request(`/api/providers/${created.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: ' ',
    });
    expect(empty.status).toBe(200);
  });

  it('refuses an unknown time zone or wrong type in a patch', async () => {
    const created = await json(await h.call('POST', '/api/providers', dr));
    for (const patch of [{ timezone: 'Nowhere/Land' }, { is_active: 'yes' }, { type: null }]) {
      const response = await h.call('PATCH', `/api/providers/${created.id}`, patch);
      expect(response.status).toBe(400);
      expect((await json(response)).error.code).toBe('VALIDATION_ERROR');
    }
  });
});

describe('GET /api/providers', () => {
  it('pages through every provider exactly once, in creation order', async () => {
    for (let i = 0; i < 4; i++) {
      h.setNow(new Date(NOW.getTime() + (i + 1) * 3_600_000));
      await h.call('POST', '/api/providers', { ...dr, name: `Paged ${i}` });
    }
    h.setNow(NOW);
    const all = await json(await h.call('GET', '/api/providers?limit=500'));
    expect(all.next_cursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=3&cursor=${encodeURIComponent(cursor)}` : 'limit=3';
      const page = await json(await h.call('GET', `/api/providers?${query}`));
      expect(page.data.length).toBeLessThanOrEqual(3);
      seen.push(...page.data.map((p: { id: string }) => p.id));
      cursor = page.next_cursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(Math.ceil(all.data.length / 3));
    expect(seen).toEqual(all.data.map((p: { id: string }) => p.id));
    const names = all.data.map((p: { name: string }) => p.name);
    expect(names.slice(-4)).toEqual(['Paged 0', 'Paged 1', 'Paged 2', 'Paged 3']);
  });

  it('defaults to 50 per page', async () => {
    const page = await json(await h.call('GET', '/api/providers'));
    expect(page).toEqual({ data: expect.any(Array), next_cursor: null });
  });

  it.each([
    ['limit=0'],
    ['limit=501'],
    ['limit=abc'],
    ['limit=2.5'],
    ['cursor=garbage'],
    [`cursor=${Buffer.from('["x","y"]').toString('base64url')}`],
  ])('refuses %s with 400', async (query) => {
    const response = await h.call('GET', `/api/providers?${query}`);
    expect(response.status).toBe(400);
    expect((await json(response)).error.code).toBe('VALIDATION_ERROR');
  });
});
