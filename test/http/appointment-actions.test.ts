// Status changes: approve, decline, cancel, complete, no-show, reschedule, and refused transitions.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  book,
  createHarness,
  type Harness,
  json,
  NOW,
  seedBookable,
  TOKEN,
} from './app-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const TUESDAY_9 = '2026-12-01T09:00:00+01:00';
const TODAY_10 = '2026-11-30T10:00:00+01:00';
const AFTER_TODAY_10 = new Date('2026-11-30T09:30:00Z');

async function booked(start = TUESDAY_9, service: Record<string, unknown> = {}) {
  const s = await seedBookable(h, service);
  const appointment = await json(await book(h, s, start));
  return { s, id: appointment.id as string };
}

function act(id: string, action: string, body?: unknown) {
  return h.call('POST', `/api/appointments/${id}/${action}`, body);
}

async function later<T>(instant: Date, run: () => Promise<T>): Promise<T> {
  h.setNow(instant);
  try {
    return await run();
  } finally {
    h.setNow(NOW);
  }
}

async function expectInvalidTransition(response: Response, from: string, action: string) {
  expect(response.status).toBe(409);
  expect((await json(response)).error).toMatchObject({
    code: 'INVALID_TRANSITION',
    details: { from, action },
  });
}

describe('approve and decline', () => {
  it('approves a PENDING request, then refuses to approve it again', async () => {
    const { id } = await booked(TUESDAY_9, { requires_approval: true });
    const response = await act(id, 'approve');
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ id, status: 'CONFIRMED' });
    await expectInvalidTransition(await act(id, 'approve'), 'CONFIRMED', 'approve');
  });

  it('declines with a reason: CANCELLED by the provider, refund due', async () => {
    const { id } = await booked(TUESDAY_9, { requires_approval: true });
    const response = await act(id, 'decline', { reason: 'fully booked' });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      status: 'CANCELLED',
      cancelled_by: 'provider',
      cancellation_reason: 'fully booked',
      cancelled_at: NOW.toISOString(),
      refund_status: 'REFUND_DUE',
    });
  });

  it('declines with no body, or an empty JSON body', async () => {
    const first = await booked(TUESDAY_9, { requires_approval: true });
    const bare = await h.app.request(`/api/appointments/${first.id}/decline`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(bare.status).toBe(200);
    expect((await json(bare)).cancellation_reason).toBeNull();
    const second = await booked(TUESDAY_9, { requires_approval: true });
    const empty = await h.app.request(`/api/appointments/${second.id}/decline`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '',
    });
    expect(empty.status).toBe(200);
  });

  it('refuses to decline a CONFIRMED appointment', async () => {
    const { id } = await booked();
    await expectInvalidTransition(await act(id, 'decline', {}), 'CONFIRMED', 'decline');
  });

  it('refuses malformed JSON and wrong types in a decline body', async () => {
    const { id } = await booked(TUESDAY_9, { requires_approval: true });
    const malformed = await h.app.request(`/api/appointments/${id}/decline`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '{"reason":',
    });
    expect(malformed.status).toBe(400);
    expect((await act(id, 'decline', { reason: 5 })).status).toBe(400);
  });
});

describe('cancel', () => {
  it.each([
    ['the client a day ahead', TUESDAY_9, 'client', {}, 'REFUND_DUE'],
    [
      'the client within cancellation_hours',
      '2026-11-30T15:00:00+01:00',
      'client',
      {},
      'NO_REFUND',
    ],
    ['the provider at short notice', '2026-11-30T15:00:00+01:00', 'provider', {}, 'REFUND_DUE'],
    ['anyone, for a free service', '2026-11-30T15:00:00+01:00', 'client', { price: 0 }, 'NONE'],
  ])('by %s sets refund_status %s', async (_, start, by, service, refund) => {
    const { id } = await booked(start, service);
    const response = await act(id, 'cancel', { by, reason: 'plans changed' });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      status: 'CANCELLED',
      cancelled_by: by,
      cancellation_reason: 'plans changed',
      cancelled_at: NOW.toISOString(),
      refund_status: refund,
    });
  });

  it('frees the slot for another booking', async () => {
    const { s, id } = await booked();
    await act(id, 'cancel', { by: 'client' });
    expect((await book(h, s, TUESDAY_9)).status).toBe(201);
  });

  it('refuses to cancel twice', async () => {
    const { id } = await booked();
    await act(id, 'cancel', { by: 'provider' });
    await expectInvalidTransition(await act(id, 'cancel', { by: 'client' }), 'CANCELLED', 'cancel');
  });

  it.each([
    ['no body', undefined],
    ['no party', { reason: 'x' }],
    ['an unknown party', { by: 'admin' }],
    ['an upper-case party', { by: 'CLIENT' }],
  ])('refuses %s with 400', async (_, body) => {
    const { id } = await booked();
    expect((await act(id, 'cancel', body)).status).toBe(400);
  });
});

describe('complete and no-show', () => {
  it('refuses both before the start', async () => {
    const { id } = await booked(TODAY_10);
    await expectInvalidTransition(await act(id, 'complete'), 'CONFIRMED', 'complete');
    await expectInvalidTransition(await act(id, 'no-show'), 'CONFIRMED', 'no-show');
  });

  it('completes after the start, once', async () => {
    const { id } = await booked(TODAY_10);
    const response = await later(AFTER_TODAY_10, () => act(id, 'complete'));
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      status: 'COMPLETED',
      updated_at: AFTER_TODAY_10.toISOString(),
    });
    await later(AFTER_TODAY_10, async () => {
      await expectInvalidTransition(await act(id, 'complete'), 'COMPLETED', 'complete');
      await expectInvalidTransition(await act(id, 'no-show'), 'COMPLETED', 'no-show');
      await expectInvalidTransition(
        await act(id, 'cancel', { by: 'client' }),
        'COMPLETED',
        'cancel',
      );
    });
  });

  it('marks a no-show: NO_REFUND and the client locked out for 30 days', async () => {
    const { s, id } = await booked(TODAY_10);
    const response = await later(AFTER_TODAY_10, () => act(id, 'no-show'));
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ status: 'NO_SHOW', refund_status: 'NO_REFUND' });
    const client = await json(await h.call('GET', `/api/clients/${s.clientId}`));
    expect(client).toMatchObject({
      no_show_count: 1,
      no_show_lockout_until: new Date(AFTER_TODAY_10.getTime() + 30 * 86_400_000).toISOString(),
    });
    await later(AFTER_TODAY_10, async () => {
      await expectInvalidTransition(await act(id, 'complete'), 'NO_SHOW', 'complete');
    });
  });

  it('refuses to complete a PENDING request', async () => {
    const { id } = await booked(TODAY_10, { requires_approval: true });
    const response = await later(AFTER_TODAY_10, () => act(id, 'complete'));
    await expectInvalidTransition(response, 'PENDING', 'complete');
  });
});

describe('reschedule', () => {
  it('moves to another bookable start and keeps the status', async () => {
    const { s, id } = await booked(TUESDAY_9, { requires_approval: true });
    const response = await act(id, 'reschedule', { start_time: '2026-12-02T14:00:00+01:00' });
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({
      status: 'PENDING',
      start_time: '2026-12-02T13:00:00.000Z',
      end_time: '2026-12-02T13:30:00.000Z',
    });
    expect((await book(h, s, TUESDAY_9)).status).toBe(201);
  });

  it('may move within its own current time', async () => {
    const { id } = await booked();
    const response = await act(id, 'reschedule', { start_time: '2026-12-01T09:30:00+01:00' });
    expect(response.status).toBe(200);
  });

  it('refuses a taken start with 409 SLOT_TAKEN', async () => {
    const { s, id } = await booked();
    await book(h, s, '2026-12-01T11:00:00+01:00');
    const response = await act(id, 'reschedule', { start_time: '2026-12-01T11:00:00+01:00' });
    expect(response.status).toBe(409);
    expect((await json(response)).error).toMatchObject({
      code: 'SLOT_TAKEN',
      details: {
        nearest: { before: '2026-12-01T09:30:00.000Z', after: '2026-12-01T10:30:00.000Z' },
      },
    });
  });

  it('refuses an unavailable start with 422, the reason and the limits', async () => {
    const { id } = await booked();
    const response = await act(id, 'reschedule', { start_time: '2026-12-06T11:00:00+01:00' });
    expect(response.status).toBe(422);
    expect((await json(response)).error.details).toEqual({
      reason: 'OUTSIDE_AVAILABILITY',
      nearest: { before: null, after: null },
      min_notice_minutes: 0,
      max_advance_days: 60,
      bookable_from: '2026-11-30T08:00:00.000Z',
      bookable_until: '2027-01-29T08:00:00.000Z',
    });
  });

  it('refuses a start off the grid with 422 OFF_GRID and the nearest times', async () => {
    const { id } = await booked();
    const response = await act(id, 'reschedule', { start_time: '2026-12-02T14:10:00+01:00' });
    expect(response.status).toBe(422);
    expect((await json(response)).error.details).toMatchObject({
      reason: 'OFF_GRID',
      nearest: { before: '2026-12-02T13:00:00.000Z', after: '2026-12-02T13:30:00.000Z' },
    });
  });

  it('refuses to move a cancelled appointment', async () => {
    const { id } = await booked();
    await act(id, 'cancel', { by: 'client' });
    const response = await act(id, 'reschedule', { start_time: '2026-12-02T14:00:00+01:00' });
    await expectInvalidTransition(response, 'CANCELLED', 'reschedule');
  });

  it('refuses a start without offset, or no body, with 400', async () => {
    const { id } = await booked();
    expect((await act(id, 'reschedule', { start_time: '2026-12-02T14:00' })).status).toBe(400);
    expect((await act(id, 'reschedule')).status).toBe(400);
  });
});

describe('unknown appointments', () => {
  const bodies: Record<string, unknown> = {
    approve: undefined,
    decline: {},
    cancel: { by: 'client' },
    complete: undefined,
    'no-show': undefined,
    reschedule: { start_time: TUESDAY_9 },
  };
  it.each(Object.keys(bodies))('%s answers unknown and malformed ids with 404', async (action) => {
    for (const id of [UNKNOWN, 'not-an-id']) {
      const response = await act(id, action, bodies[action]);
      expect(response.status).toBe(404);
      expect((await json(response)).error.details).toEqual({ entity: 'appointment' });
    }
  });
});
