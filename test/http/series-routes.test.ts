// The series routes over HTTP: preview, book (all, free, replay, conflict), read, cancel, and fuzzed bodies.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  book,
  createHarness,
  type Harness,
  json,
  type Seeded,
  seedBookable,
} from './app-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

// Harness now: Monday 2026-11-30 09:00 Berlin. Tuesdays 10:00 Berlin = 09:00Z in December.
const TUESDAY_10 = '2026-12-01T10:00:00+01:00';
const TUESDAYS = [
  '2026-12-01T09:00:00.000Z',
  '2026-12-08T09:00:00.000Z',
  '2026-12-15T09:00:00.000Z',
  '2026-12-22T09:00:00.000Z',
];

function body(s: Seeded, extra: Record<string, unknown> = {}) {
  return {
    provider_id: s.providerId,
    service_id: s.serviceId,
    client_id: s.clientId,
    start_time: TUESDAY_10,
    occurrences: 4,
    ...extra,
  };
}

function postSeries(s: Seeded, extra: Record<string, unknown> = {}, key = randomUUID()) {
  return h.call('POST', '/api/appointments/series', body(s, extra), { 'idempotency-key': key });
}

describe('POST /api/appointments/series/preview', () => {
  it('lists every occurrence, free or with the refusal a single booking would get', async () => {
    const s = await seedBookable(h);
    expect((await book(h, s, TUESDAYS[1] ?? '')).status).toBe(201);
    const response = await h.call('POST', '/api/appointments/series/preview', body(s));
    expect(response.status).toBe(200);
    const answer = await json(response);
    expect(answer.timezone).toBe('Europe/Berlin');
    expect(answer.occurrences).toEqual([
      { start_time: TUESDAYS[0], free: true, refusal: null },
      {
        start_time: TUESDAYS[1],
        free: false,
        refusal: expect.objectContaining({ code: 'SLOT_TAKEN', message: expect.any(String) }),
      },
      { start_time: TUESDAYS[2], free: true, refusal: null },
      { start_time: TUESDAYS[3], free: true, refusal: null },
    ]);
  });

  it('refuses take in a preview body (strict), and an unknown provider with 404', async () => {
    const s = await seedBookable(h);
    const strict = await h.call(
      'POST',
      '/api/appointments/series/preview',
      body(s, { take: 'all' }),
    );
    expect(strict.status).toBe(400);
    const unknown = await h.call(
      'POST',
      '/api/appointments/series/preview',
      body(s, { provider_id: randomUUID() }),
    );
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error.details.entity).toBe('provider');
  });
});

describe('POST /api/appointments/series', () => {
  it('books every occurrence: 201 with the series and its appointments carrying series_id', async () => {
    const s = await seedBookable(h);
    const before = h.nudges();
    const response = await postSeries(s, { notes: 'weekly' });
    expect(response.status).toBe(201);
    const answer = await json(response);
    expect(answer.series).toMatchObject({
      provider_id: s.providerId,
      timezone: 'Europe/Berlin',
      first_date: '2026-12-01',
      local_time: '10:00',
      interval_weeks: 1,
      occurrences: 4,
      cancelled_at: null,
    });
    expect(answer.appointments.map((a: { start_time: string }) => a.start_time)).toEqual(TUESDAYS);
    for (const a of answer.appointments) {
      expect(a).toMatchObject({
        series_id: answer.series.id,
        status: 'CONFIRMED',
        notes: 'weekly',
      });
    }
    expect(answer.skipped).toEqual([]);
    expect(h.nudges()).toBe(before + 1);
    const one = await json(await h.call('GET', `/api/appointments/${answer.appointments[0].id}`));
    expect(one.series_id).toBe(answer.series.id);
  });

  it('answers 409 SERIES_CONFLICT naming the refused occurrences, and books nothing', async () => {
    const s = await seedBookable(h);
    await book(h, s, TUESDAYS[2] ?? '');
    const response = await postSeries(s);
    expect(response.status).toBe(409);
    const { error } = await json(response);
    expect(error.code).toBe('SERIES_CONFLICT');
    expect(error.message).toBe('1 of 4 occurrences cannot be booked');
    expect(
      error.details.occurrences.map((o: { free: boolean; refusal: { code: string } | null }) =>
        o.free ? 'free' : o.refusal?.code,
      ),
    ).toEqual(['free', 'free', 'SLOT_TAKEN', 'free']);
    const list = await json(await h.call('GET', `/api/appointments?provider_id=${s.providerId}`));
    expect(list.data).toHaveLength(1);
  });

  it('take=free books the free ones and lists the skipped ones', async () => {
    const s = await seedBookable(h);
    await book(h, s, TUESDAYS[0] ?? '');
    const response = await postSeries(s, { take: 'free' });
    expect(response.status).toBe(201);
    const answer = await json(response);
    expect(answer.appointments).toHaveLength(3);
    expect(answer.skipped).toEqual([
      {
        start_time: TUESDAYS[0],
        free: false,
        refusal: expect.objectContaining({ code: 'SLOT_TAKEN' }),
      },
    ]);
  });

  it('replays the same key and body with 200 and Idempotent-Replayed; another body is 422', async () => {
    const s = await seedBookable(h);
    const key = randomUUID();
    const first = await json(await postSeries(s, {}, key));
    const again = await postSeries(s, {}, key);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await json(again)).series.id).toBe(first.series.id);
    const other = await postSeries(s, { occurrences: 3 }, key);
    expect(other.status).toBe(422);
    expect((await json(other)).error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('keeps a given zone and every two weeks', async () => {
    const s = await seedBookable(h);
    const response = await postSeries(s, {
      timezone: 'America/New_York',
      start_time: '2026-12-01T04:00:00-05:00',
      occurrences: 2,
      interval_weeks: 2,
    });
    expect(response.status).toBe(201);
    const answer = await json(response);
    expect(answer.series).toMatchObject({ timezone: 'America/New_York', local_time: '04:00' });
    expect(answer.appointments.map((a: { start_time: string }) => a.start_time)).toEqual([
      '2026-12-01T09:00:00.000Z',
      '2026-12-15T09:00:00.000Z',
    ]);
  });

  it('requires the Idempotency-Key header', async () => {
    const s = await seedBookable(h);
    const response = await h.call('POST', '/api/appointments/series', body(s));
    expect(response.status).toBe(400);
  });
});

describe('GET and cancel a series', () => {
  it('reads the series, cancels its future occurrences, and leaves a past one', async () => {
    const s = await seedBookable(h);
    const { series } = await json(await postSeries(s));
    const read = await h.call('GET', `/api/appointments/series/${series.id}`);
    expect(read.status).toBe(200);
    expect((await json(read)).appointments).toHaveLength(4);
    // After the first occurrence ended (Tuesday 2026-12-01 11:00 Berlin).
    h.setNow(new Date('2026-12-01T10:00:00Z'));
    try {
      const response = await h.call('POST', `/api/appointments/series/${series.id}/cancel`, {
        by: 'client',
        reason: 'moving',
      });
      expect(response.status).toBe(200);
      const answer = await json(response);
      expect(answer.series.cancelled_at).toBe('2026-12-01T10:00:00.000Z');
      expect(answer.cancelled_ids).toHaveLength(3);
      expect(answer.appointments.map((a: { status: string }) => a.status)).toEqual([
        'CONFIRMED',
        'CANCELLED',
        'CANCELLED',
        'CANCELLED',
      ]);
      expect(answer.appointments[1]).toMatchObject({
        cancelled_by: 'client',
        cancellation_reason: 'moving',
      });
    } finally {
      h.setNow(new Date('2026-11-30T08:00:00Z'));
    }
  });

  it('answers 404 for unknown and malformed series ids', async () => {
    for (const id of [randomUUID(), 'nope', 'preview']) {
      const read = await h.call('GET', `/api/appointments/series/${id}`);
      expect(read.status).toBe(404);
      expect((await json(read)).error.details.entity).toBe('series');
      const cancel = await h.call('POST', `/api/appointments/series/${id}/cancel`, {
        by: 'provider',
      });
      expect(cancel.status).toBe(404);
    }
  });
});

describe('bad input answers 4xx, never 5xx', () => {
  const MB_STRING = 'x'.repeat(1024 * 1024);
  const cases: [string, Record<string, unknown>][] = [
    ['a malformed date', { start_time: '2026-13-01T10:00:00Z' }],
    ['a date without offset', { start_time: '2026-12-01T10:00:00' }],
    ['year 0000', { start_time: '0000-01-04T10:00:00Z' }],
    ['year 9999', { start_time: '9999-12-28T10:00:00Z' }],
    [
      'year 9998 running past the supported years',
      { start_time: '9998-12-01T10:00:00Z', occurrences: 52 },
    ],
    ['0 occurrences', { occurrences: 0 }],
    ['53 occurrences', { occurrences: 53 }],
    ['"8" occurrences', { occurrences: '8' }],
    ['1e9 occurrences', { occurrences: 1e9 }],
    ['2.5 occurrences', { occurrences: 2.5 }],
    ['interval 0', { interval_weeks: 0 }],
    ['interval 5', { interval_weeks: 5 }],
    ['an unknown zone', { timezone: 'Mars/Olympus' }],
    ['an offset as zone', { timezone: '+01:00' }],
    ['a NUL in the zone', { timezone: 'Europe/Berlin\u0000' }],
    ['a NUL in notes', { notes: 'a\u0000b' }],
    ['a NUL in an id', { client_id: 'abc\u0000' }],
    ['a 1 MB note', { notes: MB_STRING }],
    ['a 1 MB id', { service_id: MB_STRING }],
    ['an unknown take', { take: 'some' }],
    ['seconds in the start', { start_time: '2026-12-01T10:00:30+01:00' }],
    ['an unknown field', { every: 'tuesday' }],
    ['a null start', { start_time: null }],
  ];

  // notes and take exist only when booking; a preview body refuses them as unknown fields.
  const bookOnly = (change: Record<string, unknown>) =>
    Object.keys(change).every((k) => k === 'notes' || k === 'take');

  it.each(cases)('POST series with %s', async (_name, change) => {
    const s = await seedBookable(h);
    const paths = ['/api/appointments/series'];
    if (!bookOnly(change)) paths.push('/api/appointments/series/preview');
    for (const path of paths) {
      const response = await h.call('POST', path, body(s, change), {
        'idempotency-key': randomUUID(),
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect((await json(response)).error.code).toEqual(expect.any(String));
    }
  });

  it('answers non-JSON, an array and a NUL key with 4xx', async () => {
    for (const raw of ['not json', '[]', '{"occurrences":', 'null']) {
      const response = await h.app.request('/api/appointments/series', {
        method: 'POST',
        headers: {
          authorization: 'Bearer test-admin-token-0123456789',
          'content-type': 'application/json',
          'idempotency-key': 'k',
        },
        body: raw,
      });
      expect(response.status).toBe(400);
    }
  });
});
