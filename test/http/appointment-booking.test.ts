// POST /api/appointments with idempotency and every refusal; GET one and the filtered list.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  book,
  createHarness,
  type Harness,
  json,
  NOW,
  type Seeded,
  seedBookable,
} from './app-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const TUESDAY_9 = '2026-12-01T09:00:00+01:00';

describe('POST /api/appointments', () => {
  it('books a slot: 201 with the appointment in UTC', async () => {
    const s = await seedBookable(h);
    const response = await book(h, s, TUESDAY_9, { notes: 'first visit' });
    expect(response.status).toBe(201);
    expect(response.headers.get('idempotent-replayed')).toBeNull();
    expect(await json(response)).toEqual({
      id: expect.any(String),
      provider_id: s.providerId,
      client_id: s.clientId,
      service_id: s.serviceId,
      start_time: '2026-12-01T08:00:00.000Z',
      end_time: '2026-12-01T08:30:00.000Z',
      status: 'CONFIRMED',
      notes: 'first visit',
      meeting_link: null,
      price: 5000,
      currency: 'EUR',
      amount_due: 0,
      hold_expires_at: null,
      refund_status: 'NONE',
      cancelled_at: null,
      cancelled_by: null,
      cancellation_reason: null,
      external_event_id: null,
      series_id: null,
      created_at: NOW.toISOString(),
      updated_at: NOW.toISOString(),
      payment: null,
    });
  });

  it('accepts Z and other offsets for the same instant', async () => {
    const s = await seedBookable(h);
    const response = await book(h, s, '2026-12-01T03:00:00-05:00');
    expect(response.status).toBe(201);
    expect((await json(response)).start_time).toBe('2026-12-01T08:00:00.000Z');
  });

  it('books PENDING when the service requires approval', async () => {
    const s = await seedBookable(h, { requires_approval: true });
    expect((await json(await book(h, s, TUESDAY_9))).status).toBe('PENDING');
  });

  it('replays the same key and request: 200 with Idempotent-Replayed', async () => {
    const s = await seedBookable(h);
    const first = await json(await book(h, s, TUESDAY_9, { key: 'replay-1' }));
    const again = await book(h, s, TUESDAY_9, { key: 'replay-1' });
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await json(again)).toEqual(first);
  });

  it('refuses the same key for another request: 422 IDEMPOTENCY_KEY_REUSED', async () => {
    const s = await seedBookable(h);
    await book(h, s, TUESDAY_9, { key: 'reuse-1' });
    const response = await book(h, s, '2026-12-01T10:00:00+01:00', { key: 'reuse-1' });
    expect(response.status).toBe(422);
    expect((await json(response)).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['longer than 255 characters', 'k'.repeat(256)],
  ])('refuses an Idempotency-Key that is %s with 400', async (_, key) => {
    const s = await seedBookable(h);
    const body = {
      provider_id: s.providerId,
      service_id: s.serviceId,
      client_id: s.clientId,
      start_time: TUESDAY_9,
    };
    const headers = key === undefined ? {} : { 'idempotency-key': key };
    const response = await h.call('POST', '/api/appointments', body, headers);
    expect(response.status).toBe(400);
    const error = (await json(response)).error;
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.details.target).toBe('header');
    if (key === undefined) expect(error.message).toContain('Idempotency-Key header is required');
  });

  it('accepts a 255-character key', async () => {
    const s = await seedBookable(h);
    expect((await book(h, s, TUESDAY_9, { key: 'k'.repeat(255) })).status).toBe(201);
  });

  it('refuses a taken slot: 409 SLOT_TAKEN', async () => {
    const s = await seedBookable(h);
    await book(h, s, TUESDAY_9);
    const other = await json(await h.call('POST', '/api/clients', { name: 'Z', timezone: 'UTC' }));
    const response = await book(h, s, TUESDAY_9, { clientId: other.id });
    expect(response.status).toBe(409);
    expect((await json(response)).error).toEqual({
      code: 'SLOT_TAKEN',
      message: expect.any(String),
      details: { nearest: { before: null, after: '2026-12-01T08:30:00.000Z' } },
    });
  });

  it('refuses a start off the slot grid: 422 OFF_GRID with the nearest times and the limits', async () => {
    const s = await seedBookable(h, { slot_interval_minutes: 40, max_advance_days: 30 });
    const response = await book(h, s, '2026-12-01T09:20:00+01:00');
    expect(response.status).toBe(422);
    expect((await json(response)).error).toEqual({
      code: 'SLOT_UNAVAILABLE',
      message: 'the start time is not a bookable slot',
      details: {
        reason: 'OFF_GRID',
        nearest: { before: '2026-12-01T08:00:00.000Z', after: '2026-12-01T08:40:00.000Z' },
        min_notice_minutes: 0,
        max_advance_days: 30,
        bookable_from: NOW.toISOString(),
        bookable_until: '2026-12-30T08:00:00.000Z',
      },
    });
  });

  it.each([
    ['a Saturday', '2026-12-05T10:00:00+01:00', 'OUTSIDE_AVAILABILITY'],
    ['off the slot grid', '2026-12-01T09:10:00+01:00', 'OFF_GRID'],
    ['a start in the past', '2026-11-30T08:30:00+01:00', 'IN_THE_PAST'],
    ['beyond max_advance_days', '2027-03-01T10:00:00+01:00', 'TOO_FAR_AHEAD'],
    ['a blocked day', '2026-12-03T10:00:00+01:00', 'BLOCKED'],
  ])('refuses %s: 422 SLOT_UNAVAILABLE with the reason', async (_, start, reason) => {
    const s = await seedBookable(h);
    await h.call('POST', `/api/providers/${s.providerId}/overrides`, {
      date: '2026-12-03',
      is_blocked: true,
    });
    const response = await book(h, s, start);
    expect(response.status).toBe(422);
    expect((await json(response)).error).toMatchObject({
      code: 'SLOT_UNAVAILABLE',
      details: { reason, max_advance_days: 60, bookable_until: '2027-01-29T08:00:00.000Z' },
    });
  });

  it.each([
    ['no offset', '2026-12-01T09:00:00'],
    ['a date only', '2026-12-01'],
    ['words', 'tomorrow at nine'],
  ])('refuses a start_time with %s: 400', async (_, start) => {
    const s = await seedBookable(h);
    const response = await book(h, s, start);
    expect(response.status).toBe(400);
    expect((await json(response)).error.details.issues[0].path).toEqual(['start_time']);
  });

  it('refuses wrong types and missing fields: 400', async () => {
    const s = await seedBookable(h);
    const headers = { 'idempotency-key': 'types-1' };
    for (const body of [
      { provider_id: s.providerId, service_id: s.serviceId, start_time: TUESDAY_9 },
      { provider_id: 1, service_id: s.serviceId, client_id: s.clientId, start_time: TUESDAY_9 },
      { ...s, start_time: TUESDAY_9 },
    ]) {
      const response = await h.call('POST', '/api/appointments', body, headers);
      expect(response.status).toBe(400);
    }
  });

  it.each([
    ['provider', 'provider_id'],
    ['service', 'service_id'],
    ['client', 'client_id'],
  ] as const)('answers an unknown or malformed %s with 404', async (entity, field) => {
    const s = await seedBookable(h);
    for (const id of [UNKNOWN, 'not-a-uuid']) {
      const body = {
        provider_id: s.providerId,
        service_id: s.serviceId,
        client_id: s.clientId,
        start_time: TUESDAY_9,
        [field]: id,
      };
      const response = await h.call('POST', '/api/appointments', body, {
        'idempotency-key': `nf-${entity}-${id}`,
      });
      expect(response.status).toBe(404);
      expect((await json(response)).error.code).toBe('NOT_FOUND');
    }
  });

  it('answers a malformed id with the entity it names', async () => {
    const s = await seedBookable(h);
    const response = await book(h, s, TUESDAY_9, { clientId: 'nope' });
    expect((await json(response)).error.details).toEqual({ entity: 'client' });
  });
});

describe('no-show lockout', () => {
  it('refuses same-day booking after a no-show until the lockout is lifted', async () => {
    const s = await seedBookable(h);
    const missed = await json(await book(h, s, '2026-11-30T10:00:00+01:00'));
    h.setNow(new Date('2026-11-30T09:45:00Z'));
    try {
      const marked = await h.call('POST', `/api/appointments/${missed.id}/no-show`);
      expect(marked.status).toBe(200);
      const until = '2026-12-30T09:45:00.000Z';
      const client = await json(await h.call('GET', `/api/clients/${s.clientId}`));
      expect(client).toMatchObject({ no_show_count: 1, no_show_lockout_until: until });

      const sameDay = await book(h, s, '2026-11-30T15:00:00+01:00');
      expect(sameDay.status).toBe(403);
      expect((await json(sameDay)).error).toMatchObject({
        code: 'NO_SHOW_LOCKOUT',
        details: { until },
      });
      expect((await book(h, s, '2026-12-01T15:00:00+01:00')).status).toBe(201);

      const lifted = await h.call('POST', `/api/clients/${s.clientId}/lift-lockout`);
      expect(await json(lifted)).toMatchObject({ no_show_count: 1, no_show_lockout_until: null });
      expect((await book(h, s, '2026-11-30T15:00:00+01:00')).status).toBe(201);
    } finally {
      h.setNow(NOW);
    }
  });
});

describe('GET /api/appointments/:id and /api/appointments', () => {
  let s: Seeded;
  let other: Seeded;
  const starts = [
    '2026-12-02T11:00:00+01:00',
    '2026-12-01T09:00:00+01:00',
    '2026-12-01T14:00:00+01:00',
    '2026-12-03T09:30:00+01:00',
  ];
  const ids: string[] = [];
  beforeAll(async () => {
    s = await seedBookable(h);
    other = await seedBookable(h);
    for (const start of starts) ids.push((await json(await book(h, s, start))).id);
    await book(h, other, '2026-12-01T09:00:00+01:00');
    await h.call('POST', `/api/appointments/${ids[0]}/cancel`, { by: 'client' });
  });

  it('reads one appointment', async () => {
    const response = await h.call('GET', `/api/appointments/${ids[1]}`);
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      id: ids[1],
      start_time: '2026-12-01T08:00:00.000Z',
    });
  });

  it.each([[UNKNOWN], ['bad']])('answers appointment %s with 404', async (id) => {
    const response = await h.call('GET', `/api/appointments/${id}`);
    expect(response.status).toBe(404);
    expect((await json(response)).error.details).toEqual({ entity: 'appointment' });
  });

  it("lists a provider's appointments by start time, paged", async () => {
    const base = `/api/appointments?provider_id=${s.providerId}`;
    const all = await json(await h.call('GET', base));
    expect(all.data.map((a: { id: string }) => a.id)).toEqual([ids[1], ids[2], ids[0], ids[3]]);
    const first = await json(await h.call('GET', `${base}&limit=3`));
    expect(first.data).toEqual(all.data.slice(0, 3));
    const second = await json(await h.call('GET', `${base}&limit=3&cursor=${first.next_cursor}`));
    expect(second).toEqual({ data: all.data.slice(3), next_cursor: null });
  });

  it('filters by client, status and start range', async () => {
    const byClient = await json(
      await h.call('GET', `/api/appointments?client_id=${other.clientId}`),
    );
    expect(byClient.data).toHaveLength(1);
    const cancelled = await json(
      await h.call('GET', `/api/appointments?provider_id=${s.providerId}&status=CANCELLED`),
    );
    expect(cancelled.data.map((a: { id: string }) => a.id)).toEqual([ids[0]]);
    const from = encodeURIComponent('2026-12-01T12:00:00+01:00');
    const to = encodeURIComponent('2026-12-03T09:30:00+01:00');
    const ranged = await json(
      await h.call('GET', `/api/appointments?provider_id=${s.providerId}&from=${from}&to=${to}`),
    );
    expect(ranged.data.map((a: { id: string }) => a.id)).toEqual([ids[2], ids[0]]);
  });

  it('answers a malformed filter id with an empty list', async () => {
    const response = await h.call('GET', '/api/appointments?provider_id=nope');
    expect(response.status).toBe(200);
    expect(await json(response)).toEqual({ data: [], next_cursor: null });
  });

  it.each([
    ['an unknown status', 'status=LOST'],
    ['a from without offset', 'from=2026-12-01T00:00:00'],
    ['to before from', 'from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z'],
    ['a bad cursor', 'cursor=abc'],
    ['limit 501', 'limit=501'],
  ])('refuses %s with 400', async (_, query) => {
    const response = await h.call('GET', `/api/appointments?${query}`);
    expect(response.status).toBe(400);
    expect((await json(response)).error.code).toBe('VALIDATION_ERROR');
  });
});
