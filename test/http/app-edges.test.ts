// Auth, health, docs, unknown routes, malformed bodies and the last-resort 500.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import { createApp } from '../../src/http/create-app.ts';
import { createHarness, type Harness, json, NOW, TOKEN } from './app-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

/** An app whose database refuses connections at once (nothing listens on port 1). */
function appWithDeadDatabase() {
  return appOn('postgres://slotline:x@127.0.0.1:1/none');
}

/** An app on a database that answers but has none of our tables: every query is a fault. */
function appWithBrokenSchema() {
  return appOn(inject('testServerUrl'));
}

function appOn(url: string) {
  const dead = openDatabase(url, { max: 1 });
  const errors: Record<string, unknown>[] = [];
  const warnings: Record<string, unknown>[] = [];
  const logger = {
    info: () => {},
    warn: (f: Record<string, unknown>) => void warnings.push(f),
    error: (f: Record<string, unknown>) => void errors.push(f),
  };
  const app = createApp({
    db: dead.db,
    adminToken: TOKEN,
    clock: () => NOW,
    noShowLockoutDays: 30,
    logger,
  });
  return { app, errors, warnings, close: () => dead.close() };
}

describe('GET /healthz', () => {
  it('answers ok without a token when the database answers', async () => {
    const response = await h.app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ status: 'ok' });
  });

  it('answers 503 unavailable when the database does not', async () => {
    const dead = appWithDeadDatabase();
    const response = await dead.app.request('/healthz');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await json(response)).toEqual({ status: 'unavailable' });
    await dead.close();
  });
});

describe('authorization', () => {
  it.each([
    ['no header', {}],
    ['a wrong token', { authorization: 'Bearer wrong-token' }],
    ['a token prefix', { authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
    ['another scheme', { authorization: `Basic ${TOKEN}` }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ])('refuses %s with 401 UNAUTHORIZED', async (_, headers) => {
    const response = await h.app.request('/api/providers', { headers });
    expect(response.status).toBe(401);
    expect((await json(response)).error.code).toBe('UNAUTHORIZED');
  });

  it('checks the token before the route exists', async () => {
    const response = await h.app.request('/api/nothing-here');
    expect(response.status).toBe(401);
  });

  it('accepts the right token, case-insensitive scheme', async () => {
    const response = await h.app.request('/api/providers', {
      headers: { authorization: `bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
  });
});

describe('documentation', () => {
  it('serves the OpenAPI document without a token, listing every route', async () => {
    const response = await h.app.request('/api/openapi.json');
    expect(response.status).toBe(200);
    const doc = await json(response);
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        '/healthz',
        '/api/providers',
        '/api/providers/{id}',
        '/api/providers/{id}/services',
        '/api/services/{id}',
        '/api/providers/{id}/availability',
        '/api/providers/{id}/overrides',
        '/api/overrides/{id}',
        '/api/providers/{id}/slots',
        '/api/clients',
        '/api/clients/{id}',
        '/api/clients/{id}/lift-lockout',
        '/api/appointments',
        '/api/appointments/{id}',
        '/api/appointments/{id}/approve',
        '/api/appointments/{id}/decline',
        '/api/appointments/{id}/cancel',
        '/api/appointments/{id}/complete',
        '/api/appointments/{id}/no-show',
        '/api/appointments/{id}/reschedule',
        '/api/appointments/{id}/checkout',
        '/api/appointments/{id}/payments',
        '/api/appointments/series',
        '/api/appointments/series/preview',
        '/api/appointments/series/{id}',
        '/api/appointments/series/{id}/cancel',
        '/api/providers/{id}/link-code',
        '/api/providers/{id}/calendar',
        '/api/providers/{id}/calendar/apple',
        '/api/providers/{id}/calendar/caldav',
        '/api/providers/{id}/calendar/sync',
        '/api/providers/{id}/calendar/google/connect',
        '/api/providers/{id}/calendar/outlook/connect',
        '/api/jobs/failed',
      ].sort(),
    );
    expect(Object.keys(doc.paths['/api/appointments/{id}'])).toEqual(['get']);
    expect(doc.paths['/api/appointments'].post.responses).toHaveProperty('422');
    expect(doc.components.schemas).toHaveProperty('Appointment');
    expect(doc.components.securitySchemes.adminToken).toMatchObject({ scheme: 'bearer' });
    const headers = doc.paths['/api/appointments'].post.parameters;
    expect(headers).toContainEqual(
      expect.objectContaining({ name: 'idempotency-key', in: 'header' }),
    );
  });

  it('serves the Scalar reference page without a token', async () => {
    const response = await h.app.request('/api/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('/api/openapi.json');
  });
});

describe('error handling', () => {
  it('answers unknown routes with 404 NOT_FOUND in the error shape', async () => {
    const response = await h.call('GET', '/api/unknown');
    expect(response.status).toBe(404);
    expect(await json(response)).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: 'no route for GET /api/unknown',
        details: { entity: 'route' },
      },
    });
  });

  it('answers an unsupported method like an unknown route', async () => {
    const response = await h.call('DELETE', '/api/providers');
    expect(response.status).toBe(404);
  });

  it('answers malformed JSON with 400 VALIDATION_ERROR', async () => {
    const response = await h.app.request('/api/providers', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '{"name": "Dr',
    });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.error.code).toBe('VALIDATION_ERROR');
    expect(body.error.details).toEqual({});
  });

  it('answers a body that is not JSON with 400, not 415 or 500', async () => {
    const response = await h.app.request('/api/providers', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' },
      body: 'name=Dr',
    });
    expect(response.status).toBe(400);
    expect((await json(response)).error.code).toBe('VALIDATION_ERROR');
  });

  it('answers a JSON array body with 400 and zod issues', async () => {
    const response = await h.call('POST', '/api/providers', [1, 2]);
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.error.details.target).toBe('json');
    expect(body.error.details.issues.length).toBeGreaterThan(0);
  });

  it('answers an unreachable database with 503 UNAVAILABLE and Retry-After, a warning, no error', async () => {
    const dead = appWithDeadDatabase();
    const response = await dead.app.request('/api/providers', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Secret Name', type: 'DOCTOR', timezone: 'UTC' }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect((await json(response)).error.code).toBe('UNAVAILABLE');
    expect(dead.errors).toEqual([]);
    expect(dead.warnings).toEqual([{ method: 'POST', path: '/api/providers' }]);
    await dead.close();
  });

  it('answers a fault with 500 INTERNAL_ERROR and logs it without the request body', async () => {
    const dead = appWithBrokenSchema();
    const response = await dead.app.request('/api/providers', {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Secret Name', type: 'DOCTOR', timezone: 'UTC' }),
    });
    expect(response.status).toBe(500);
    expect(await json(response)).toEqual({
      error: { code: 'INTERNAL_ERROR', message: 'internal error', details: {} },
    });
    expect(dead.errors).toHaveLength(1);
    expect(dead.errors[0]).toMatchObject({ method: 'POST', path: '/api/providers' });
    expect(JSON.stringify(dead.errors)).not.toContain('Secret Name');
    await dead.close();
  });
});
