// Booking limits over REST: the fields on services and providers, 409 LIMIT_REACHED, slots, bad values.
import { beforeAll, describe, expect, it } from 'vitest';
import { book, createHarness, type Harness, json, seedBookable } from './app-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const newProvider = { name: 'Dr Limit', type: 'DOCTOR', timezone: 'Europe/Berlin' };

describe('limit fields', () => {
  it('services take, return, change and clear max_bookings_per_day and _per_week', async () => {
    const { providerId } = await seedBookable(h);
    const created = await h.call('POST', `/api/providers/${providerId}/services`, {
      name: 'Limited',
      duration_minutes: 30,
      max_bookings_per_day: 3,
      max_bookings_per_week: 10,
    });
    expect(created.status).toBe(201);
    const service = await json(created);
    expect(service).toMatchObject({ max_bookings_per_day: 3, max_bookings_per_week: 10 });
    const patched = await h.call('PATCH', `/api/services/${service.id}`, {
      max_bookings_per_day: null,
      max_bookings_per_week: 10_000,
    });
    expect(await json(patched)).toMatchObject({
      max_bookings_per_day: null,
      max_bookings_per_week: 10_000,
    });
  });

  it('providers take, return, change and clear max_active_bookings_per_client', async () => {
    const created = await h.call('POST', '/api/providers', {
      ...newProvider,
      max_active_bookings_per_client: 2,
    });
    const provider = await json(created);
    expect(provider.max_active_bookings_per_client).toBe(2);
    const cleared = await h.call('PATCH', `/api/providers/${provider.id}`, {
      max_active_bookings_per_client: null,
    });
    expect((await json(cleared)).max_active_bookings_per_client).toBeNull();
    const read = await h.call('GET', `/api/providers/${provider.id}`);
    expect((await json(read)).max_active_bookings_per_client).toBeNull();
  });

  const bad: [string, unknown][] = [
    ['0', 0],
    ['-1', -1],
    ['1e9', 1e9],
    ['"3"', '3'],
    ['1.5', 1.5],
    ['true', true],
  ];

  it.each(bad)('a service limit of %s is 400 VALIDATION_ERROR', async (_, value) => {
    const { serviceId } = await seedBookable(h);
    for (const field of ['max_bookings_per_day', 'max_bookings_per_week']) {
      const response = await h.call('PATCH', `/api/services/${serviceId}`, { [field]: value });
      expect(response.status).toBe(400);
      expect((await json(response)).error.code).toBe('VALIDATION_ERROR');
    }
  });

  it.each(bad)('a per-client limit of %s is 400 VALIDATION_ERROR', async (_, value) => {
    const response = await h.call('POST', '/api/providers', {
      ...newProvider,
      max_active_bookings_per_client: value,
    });
    expect(response.status).toBe(400);
    expect((await json(response)).error.code).toBe('VALIDATION_ERROR');
  });

  it('the largest allowed values are taken, one more is refused', async () => {
    const { providerId, serviceId } = await seedBookable(h);
    const day = await h.call('PATCH', `/api/services/${serviceId}`, { max_bookings_per_day: 1001 });
    expect(day.status).toBe(400);
    const ok = await h.call('PATCH', `/api/services/${serviceId}`, { max_bookings_per_day: 1000 });
    expect(ok.status).toBe(200);
    const client = await h.call('PATCH', `/api/providers/${providerId}`, {
      max_active_bookings_per_client: 1001,
    });
    expect(client.status).toBe(400);
  });

  it('the OpenAPI document names the fields and LIMIT_REACHED', async () => {
    const doc = await json(await h.call('GET', '/api/openapi.json'));
    const schemas = doc.components.schemas;
    expect(schemas.Service.properties).toHaveProperty('max_bookings_per_day');
    expect(schemas.Service.properties).toHaveProperty('max_bookings_per_week');
    expect(schemas.CreateService.properties).toHaveProperty('max_bookings_per_week');
    expect(schemas.Provider.properties).toHaveProperty('max_active_bookings_per_client');
    expect(schemas.UpdateProvider.properties).toHaveProperty('max_active_bookings_per_client');
    const booking = doc.paths['/api/appointments'].post.responses['409'];
    expect(booking.description).toContain('LIMIT_REACHED');
  });
});

describe('409 LIMIT_REACHED', () => {
  it('a full day: 409 with the limit kind, max and a plain message; its slots are gone', async () => {
    const s = await seedBookable(h, { max_bookings_per_day: 1 });
    expect((await book(h, s, '2026-12-01T09:00:00+01:00')).status).toBe(201);
    const refused = await book(h, s, '2026-12-01T10:00:00+01:00');
    expect(refused.status).toBe(409);
    const body = await json(refused);
    expect(body.error).toMatchObject({
      code: 'LIMIT_REACHED',
      details: { limit: 'SERVICE_PER_DAY', max: 1, date: '2026-12-01' },
    });
    expect(body.error.message).toBe(
      'the service takes at most 1 booking a day, and that day is full',
    );
    const slots = await json(
      await h.call(
        'GET',
        `/api/providers/${s.providerId}/slots?service_id=${s.serviceId}&date=2026-12-01&days=2`,
      ),
    );
    const days = new Set(slots.slots.map((slot: { start: string }) => slot.start.slice(0, 10)));
    expect([...days]).toEqual(['2026-12-02']);
    expect(slots.full_days).toEqual([{ date: '2026-12-01', limit: 'SERVICE_PER_DAY', max: 1 }]);
  });

  it("a client at the provider's limit: 409 CLIENT_ACTIVE, also when rescheduling onto a full day", async () => {
    const s = await seedBookable(h, { max_bookings_per_day: 1 });
    await h.call('PATCH', `/api/providers/${s.providerId}`, { max_active_bookings_per_client: 1 });
    const first = await json(await book(h, s, '2026-12-01T09:00:00+01:00'));
    const refused = await json(await book(h, s, '2026-12-02T09:00:00+01:00'));
    expect(refused.error).toMatchObject({
      code: 'LIMIT_REACHED',
      details: { limit: 'CLIENT_ACTIVE', max: 1 },
    });
    const other = await json(
      await h.call('POST', '/api/clients', { name: 'Other', timezone: 'Europe/Berlin' }),
    );
    await book(h, s, '2026-12-02T09:00:00+01:00', { clientId: other.id });
    const moved = await h.call('POST', `/api/appointments/${first.id}/reschedule`, {
      start_time: '2026-12-02T11:00:00+01:00',
    });
    expect(moved.status).toBe(409);
    expect((await json(moved)).error.details.limit).toBe('SERVICE_PER_DAY');
  });
});
