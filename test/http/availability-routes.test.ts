// /api/providers/:id/availability (weekly windows) and the override routes.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, json, NOW } from './app-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

async function newProvider(): Promise<string> {
  const response = await h.call('POST', '/api/providers', {
    name: 'P',
    type: 'CONSULTANT',
    timezone: 'Europe/Berlin',
  });
  return (await json(response)).id;
}

const w = (day: number, start: string, end: string) => ({
  day_of_week: day,
  start_time: start,
  end_time: end,
});

describe('PUT and GET /api/providers/:id/availability', () => {
  it('replaces the schedule and returns it sorted, including a 24:00 end', async () => {
    const id = await newProvider();
    const windows = [w(4, '13:00', '24:00'), w(0, '14:00', '18:00'), w(0, '09:00', '12:00')];
    const put = await h.call('PUT', `/api/providers/${id}/availability`, { windows });
    expect(put.status).toBe(200);
    const sorted = {
      windows: [w(0, '09:00', '12:00'), w(0, '14:00', '18:00'), w(4, '13:00', '24:00')],
    };
    expect(await json(put)).toEqual(sorted);
    const get = await h.call('GET', `/api/providers/${id}/availability`);
    expect(get.status).toBe(200);
    expect(await json(get)).toEqual(sorted);
  });

  it('drops the old windows on replace, and an empty list clears them', async () => {
    const id = await newProvider();
    await h.call('PUT', `/api/providers/${id}/availability`, { windows: [w(1, '08:00', '10:00')] });
    await h.call('PUT', `/api/providers/${id}/availability`, { windows: [w(2, '10:00', '11:00')] });
    expect(await json(await h.call('GET', `/api/providers/${id}/availability`))).toEqual({
      windows: [w(2, '10:00', '11:00')],
    });
    await h.call('PUT', `/api/providers/${id}/availability`, { windows: [] });
    expect(await json(await h.call('GET', `/api/providers/${id}/availability`))).toEqual({
      windows: [],
    });
  });

  it('accepts windows that touch', async () => {
    const id = await newProvider();
    const windows = [w(0, '09:00', '12:00'), w(0, '12:00', '13:00')];
    const response = await h.call('PUT', `/api/providers/${id}/availability`, { windows });
    expect(response.status).toBe(200);
  });

  it('refuses overlapping windows with details naming them, and keeps the old schedule', async () => {
    const id = await newProvider();
    await h.call('PUT', `/api/providers/${id}/availability`, { windows: [w(5, '08:00', '09:00')] });
    const windows = [w(0, '09:00', '17:00'), w(0, '10:00', '11:00'), w(0, '12:00', '13:00')];
    const response = await h.call('PUT', `/api/providers/${id}/availability`, { windows });
    expect(response.status).toBe(400);
    const error = (await json(response)).error;
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.details.issues).toEqual([
      { path: ['windows', 1], message: 'window 1 overlaps window 0 on day 0' },
      { path: ['windows', 2], message: 'window 2 overlaps window 0 on day 0' },
    ]);
    expect(await json(await h.call('GET', `/api/providers/${id}/availability`))).toEqual({
      windows: [w(5, '08:00', '09:00')],
    });
  });

  it.each([
    ['end before start', [w(0, '17:00', '09:00')]],
    ['end equal to start', [w(0, '09:00', '09:00')]],
    ['a 24:00 start', [w(0, '24:00', '24:00')]],
    ['day 7', [w(7, '09:00', '10:00')]],
    ['a negative day', [w(-1, '09:00', '10:00')]],
    ['a time with seconds', [w(0, '09:00:00', '10:00')]],
    ['a time past 24:00', [w(0, '09:00', '24:30')]],
    ['a day as text', [{ day_of_week: 'MON', start_time: '09:00', end_time: '10:00' }]],
  ])('refuses %s with 400', async (_, windows) => {
    const id = await newProvider();
    const response = await h.call('PUT', `/api/providers/${id}/availability`, { windows });
    expect(response.status).toBe(400);
    expect((await json(response)).error.code).toBe('VALIDATION_ERROR');
  });

  it('refuses a body without windows', async () => {
    const id = await newProvider();
    const response = await h.call('PUT', `/api/providers/${id}/availability`, {});
    expect(response.status).toBe(400);
  });

  it.each([[UNKNOWN], ['bad-id']])('answers provider %s with 404', async (id) => {
    const put = await h.call('PUT', `/api/providers/${id}/availability`, { windows: [] });
    expect(put.status).toBe(404);
    const get = await h.call('GET', `/api/providers/${id}/availability`);
    expect(get.status).toBe(404);
    expect((await json(get)).error.details).toEqual({ entity: 'provider' });
  });
});

describe('overrides', () => {
  it('creates blocked days, blocked hours and extra hours', async () => {
    const id = await newProvider();
    const wholeDay = await h.call('POST', `/api/providers/${id}/overrides`, {
      date: '2026-12-24',
      is_blocked: true,
    });
    expect(wholeDay.status).toBe(201);
    expect(await json(wholeDay)).toEqual({
      id: expect.any(String),
      provider_id: id,
      date: '2026-12-24',
      start_time: null,
      end_time: null,
      is_blocked: true,
      source: 'MANUAL',
      external_event_id: null,
      created_at: NOW.toISOString(),
    });
    const hours = { date: '2026-12-01', start_time: '13:00', end_time: '15:00', is_blocked: true };
    expect(await json(await h.call('POST', `/api/providers/${id}/overrides`, hours))).toMatchObject(
      hours,
    );
    const extra = { date: '2026-12-05', start_time: '10:00', end_time: '24:00', is_blocked: false };
    expect(await json(await h.call('POST', `/api/providers/${id}/overrides`, extra))).toMatchObject(
      extra,
    );
  });

  it.each([
    ['extra hours without times', { date: '2026-12-01', is_blocked: false }],
    ['only a start time', { date: '2026-12-01', start_time: '10:00', is_blocked: true }],
    ['only an end time', { date: '2026-12-01', end_time: '10:00', is_blocked: true }],
    [
      'end before start',
      { date: '2026-12-01', start_time: '15:00', end_time: '13:00', is_blocked: true },
    ],
    ['an impossible date', { date: '2026-02-30', is_blocked: true }],
    ['a date with time', { date: '2026-12-01T00:00:00Z', is_blocked: true }],
    ['a missing is_blocked', { date: '2026-12-01' }],
  ])('refuses %s with 400', async (_, body) => {
    const id = await newProvider();
    const response = await h.call('POST', `/api/providers/${id}/overrides`, body);
    expect(response.status).toBe(400);
    expect((await json(response)).error.code).toBe('VALIDATION_ERROR');
  });

  it('lists overrides between two dates in date order, paged', async () => {
    const id = await newProvider();
    const dates = ['2026-12-10', '2026-12-03', '2026-12-20', '2026-12-03', '2027-01-05'];
    for (const [i, date] of dates.entries()) {
      const times = i === 3 ? { start_time: '08:00', end_time: '09:00' } : {};
      await h.call('POST', `/api/providers/${id}/overrides`, { date, is_blocked: true, ...times });
    }
    const path = `/api/providers/${id}/overrides?from=2026-12-01&to=2026-12-31`;
    const all = await json(await h.call('GET', path));
    expect(all.next_cursor).toBeNull();
    expect(all.data.map((o: { date: string }) => o.date)).toEqual([
      '2026-12-03',
      '2026-12-03',
      '2026-12-10',
      '2026-12-20',
    ]);
    expect(all.data[0].start_time).toBeNull();
    expect(all.data[1].start_time).toBe('08:00');
    const first = await json(await h.call('GET', `${path}&limit=3`));
    expect(first.data).toEqual(all.data.slice(0, 3));
    const second = await json(await h.call('GET', `${path}&limit=3&cursor=${first.next_cursor}`));
    expect(second).toEqual({ data: all.data.slice(3), next_cursor: null });
    const unbounded = await json(await h.call('GET', `/api/providers/${id}/overrides`));
    expect(unbounded.data).toHaveLength(5);
  });

  it('refuses a range that ends before it starts, or bad dates', async () => {
    const id = await newProvider();
    for (const query of ['from=2026-12-31&to=2026-12-01', 'from=yesterday', 'to=2026-13-01']) {
      const response = await h.call('GET', `/api/providers/${id}/overrides?${query}`);
      expect(response.status).toBe(400);
    }
  });

  it('deletes an override once: 204, then 404', async () => {
    const id = await newProvider();
    const created = await json(
      await h.call('POST', `/api/providers/${id}/overrides`, {
        date: '2026-12-02',
        is_blocked: true,
      }),
    );
    const first = await h.call('DELETE', `/api/overrides/${created.id}`);
    expect(first.status).toBe(204);
    expect(await first.text()).toBe('');
    const second = await h.call('DELETE', `/api/overrides/${created.id}`);
    expect(second.status).toBe(404);
    expect((await json(second)).error.details).toEqual({ entity: 'override' });
    expect((await json(await h.call('GET', `/api/providers/${id}/overrides`))).data).toEqual([]);
  });

  it('answers unknown and malformed ids with 404', async () => {
    for (const id of [UNKNOWN, 'zzz']) {
      const post = await h.call('POST', `/api/providers/${id}/overrides`, {
        date: '2026-12-02',
        is_blocked: true,
      });
      expect(post.status).toBe(404);
      expect((await h.call('GET', `/api/providers/${id}/overrides`)).status).toBe(404);
      expect((await h.call('DELETE', `/api/overrides/${id}`)).status).toBe(404);
    }
  });
});
