// /api/providers/:id/services and /api/services/:id.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, json, NOW } from './app-harness.ts';

let h: Harness;
let providerId: string;
beforeAll(async () => {
  h = await createHarness();
  const provider = await h.call('POST', '/api/providers', {
    name: 'Coach',
    type: 'TRAINER',
    timezone: 'UTC',
  });
  providerId = (await json(provider)).id;
});

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const minimal = { name: 'Session', duration_minutes: 45 };

describe('POST /api/providers/:id/services', () => {
  it('creates a service with the documented defaults', async () => {
    const response = await h.call('POST', `/api/providers/${providerId}/services`, minimal);
    expect(response.status).toBe(201);
    expect(await json(response)).toEqual({
      id: expect.any(String),
      provider_id: providerId,
      name: 'Session',
      duration_minutes: 45,
      price: 0,
      currency: 'EUR',
      buffer_time_minutes: 0,
      max_advance_days: 60,
      cancellation_hours: 24,
      requires_approval: false,
      min_notice_minutes: 0,
      slot_interval_minutes: null,
      is_virtual: false,
      is_active: true,
      payment_mode: 'NONE',
      deposit_amount: null,
      max_bookings_per_day: null,
      max_bookings_per_week: null,
      created_at: NOW.toISOString(),
    });
  });

  it('stores every given field', async () => {
    const full = {
      name: 'Deluxe',
      duration_minutes: 90,
      price: 12_345,
      currency: 'USD',
      buffer_time_minutes: 15,
      max_advance_days: 365,
      cancellation_hours: 48,
      requires_approval: true,
      min_notice_minutes: 120,
      slot_interval_minutes: 30,
      is_virtual: true,
      is_active: false,
    };
    const response = await h.call('POST', `/api/providers/${providerId}/services`, full);
    expect(await json(response)).toMatchObject(full);
  });

  it.each([
    ['zero duration', { ...minimal, duration_minutes: 0 }],
    ['a duration over a day', { ...minimal, duration_minutes: 1441 }],
    ['a fractional price', { ...minimal, price: 10.5 }],
    ['a negative price', { ...minimal, price: -1 }],
    ['a price as text', { ...minimal, price: '50' }],
    ['a lower-case currency', { ...minimal, currency: 'eur' }],
    ['a four-letter currency', { ...minimal, currency: 'EURO' }],
    ['a zero slot interval', { ...minimal, slot_interval_minutes: 0 }],
    ['max_advance_days 0', { ...minimal, max_advance_days: 0 }],
    ['a missing name', { duration_minutes: 30 }],
  ])('refuses %s with 400', async (_, body) => {
    const response = await h.call('POST', `/api/providers/${providerId}/services`, body);
    expect(response.status).toBe(400);
    expect((await json(response)).error.code).toBe('VALIDATION_ERROR');
  });

  it.each([[UNKNOWN], ['nope']])('answers provider %s with 404', async (id) => {
    const response = await h.call('POST', `/api/providers/${id}/services`, minimal);
    expect(response.status).toBe(404);
    expect((await json(response)).error.details).toEqual({ entity: 'provider' });
  });
});

describe('GET /api/providers/:id/services', () => {
  it('lists the provider services in pages', async () => {
    const other = await json(
      await h.call('POST', '/api/providers', {
        name: 'Other',
        type: 'CONSULTANT',
        timezone: 'UTC',
      }),
    );
    const names = ['A', 'B', 'C'];
    for (const name of names) {
      await h.call('POST', `/api/providers/${other.id}/services`, { ...minimal, name });
    }
    const first = await json(await h.call('GET', `/api/providers/${other.id}/services?limit=2`));
    expect(first.data).toHaveLength(2);
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = await json(
      await h.call(
        'GET',
        `/api/providers/${other.id}/services?limit=2&cursor=${first.next_cursor}`,
      ),
    );
    expect(second).toEqual({ data: [expect.any(Object)], next_cursor: null });
    const all = [...first.data, ...second.data].map((s: { name: string }) => s.name).sort();
    expect(all).toEqual(names);
  });

  it.each([[UNKNOWN], ['nope']])('answers provider %s with 404', async (id) => {
    const response = await h.call('GET', `/api/providers/${id}/services`);
    expect(response.status).toBe(404);
  });
});

describe('PATCH /api/services/:id', () => {
  it('changes only the given fields', async () => {
    const created = await json(
      await h.call('POST', `/api/providers/${providerId}/services`, { ...minimal, price: 100 }),
    );
    const response = await h.call('PATCH', `/api/services/${created.id}`, {
      price: 200,
      slot_interval_minutes: 15,
      requires_approval: true,
    });
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({
      ...created,
      price: 200,
      slot_interval_minutes: 15,
      requires_approval: true,
    });
    const cleared = await h.call('PATCH', `/api/services/${created.id}`, {
      slot_interval_minutes: null,
    });
    expect((await json(cleared)).slot_interval_minutes).toBeNull();
  });

  it('returns the service unchanged for an empty patch', async () => {
    const created = await json(
      await h.call('POST', `/api/providers/${providerId}/services`, minimal),
    );
    expect(await json(await h.call('PATCH', `/api/services/${created.id}`, {}))).toEqual(created);
  });

  it('refuses bad values with 400', async () => {
    const created = await json(
      await h.call('POST', `/api/providers/${providerId}/services`, minimal),
    );
    const response = await h.call('PATCH', `/api/services/${created.id}`, { duration_minutes: -5 });
    expect(response.status).toBe(400);
  });

  it.each([[UNKNOWN], ['nope']])('answers service %s with 404', async (id) => {
    const response = await h.call('PATCH', `/api/services/${id}`, { price: 1 });
    expect(response.status).toBe(404);
    expect((await json(response)).error.details).toEqual({ entity: 'service' });
  });
});

describe('payment terms', () => {
  const create = (body: Record<string, unknown>) =>
    h.call('POST', `/api/providers/${providerId}/services`, { ...minimal, ...body });

  it('stores a deposit and a full-price service', async () => {
    const deposit = await create({ price: 5000, payment_mode: 'DEPOSIT', deposit_amount: 1500 });
    expect(deposit.status).toBe(201);
    expect(await json(deposit)).toMatchObject({ payment_mode: 'DEPOSIT', deposit_amount: 1500 });
    const full = await create({ price: 5000, payment_mode: 'FULL' });
    expect(await json(full)).toMatchObject({ payment_mode: 'FULL', deposit_amount: null });
  });

  it.each([
    ['DEPOSIT_OVER_PRICE', { price: 1000, payment_mode: 'DEPOSIT', deposit_amount: 1001 }],
    ['DEPOSIT_WITHOUT_DEPOSIT_MODE', { price: 1000, payment_mode: 'FULL', deposit_amount: 10 }],
    ['DEPOSIT_WITHOUT_DEPOSIT_MODE', { price: 1000, deposit_amount: 10 }],
    ['DEPOSIT_MISSING', { price: 1000, payment_mode: 'DEPOSIT' }],
    ['PAID_SERVICE_FREE', { payment_mode: 'FULL' }],
    ['PAID_SERVICE_FREE', { price: 0, payment_mode: 'DEPOSIT', deposit_amount: 1 }],
  ])('refuses %s on create with 400', async (reason, body) => {
    const response = await create(body);
    expect(response.status).toBe(400);
    const error = (await json(response)).error;
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', details: { reason } });
  });

  it.each([
    ['DEPOSIT_OVER_PRICE', { price: 100 }],
    ['DEPOSIT_OVER_PRICE', { deposit_amount: 5001 }],
    ['PAID_SERVICE_FREE', { price: 0 }],
    ['DEPOSIT_WITHOUT_DEPOSIT_MODE', { payment_mode: 'NONE', deposit_amount: 5 }],
  ])('refuses a patch giving %s with 400, the service unchanged', async (reason, patch) => {
    const created = await json(
      await create({ price: 5000, payment_mode: 'DEPOSIT', deposit_amount: 1500 }),
    );
    const response = await h.call('PATCH', `/api/services/${created.id}`, patch);
    expect(response.status).toBe(400);
    expect((await json(response)).error.details.reason).toBe(reason);
    // An empty patch answers the stored service.
    expect(await json(await h.call('PATCH', `/api/services/${created.id}`, {}))).toEqual(created);
  });

  it('leaving DEPOSIT mode clears the deposit; NONE makes a free service possible', async () => {
    const created = await json(
      await create({ price: 5000, payment_mode: 'DEPOSIT', deposit_amount: 1500 }),
    );
    const full = await h.call('PATCH', `/api/services/${created.id}`, { payment_mode: 'FULL' });
    expect(await json(full)).toMatchObject({ payment_mode: 'FULL', deposit_amount: null });
    const free = await h.call('PATCH', `/api/services/${created.id}`, {
      payment_mode: 'NONE',
      price: 0,
    });
    expect(await json(free)).toMatchObject({ payment_mode: 'NONE', price: 0 });
  });

  it('a table CHECK breach that slips past the checks is still 400, never 500', async () => {
    const response = await create({ price: 10, payment_mode: 'DEPOSIT', deposit_amount: 0 });
    expect(response.status).toBe(400);
  });
});
