// GET /api/providers/:id/slots: format with the provider's offset, ranges and errors.
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
let s: Seeded;
beforeAll(async () => {
  h = await createHarness();
  s = await seedBookable(h, { max_advance_days: 365 });
});

const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const slotsPath = (query: string, providerId = s.providerId) =>
  `/api/providers/${providerId}/slots?${query}`;

describe('GET /api/providers/:id/slots', () => {
  it("lists one day's slots in ISO 8601 with the provider's winter offset", async () => {
    const response = await h.call('GET', slotsPath(`service_id=${s.serviceId}&date=2026-12-01`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    const body = await json(response);
    expect(body.timezone).toBe('Europe/Berlin');
    expect(body.slots).toHaveLength(16);
    expect(body.slots[0]).toEqual({
      start: '2026-12-01T09:00:00+01:00',
      end: '2026-12-01T09:30:00+01:00',
    });
    expect(body.slots.at(-1)).toEqual({
      start: '2026-12-01T16:30:00+01:00',
      end: '2026-12-01T17:00:00+01:00',
    });
  });

  it('uses the summer offset in summer', async () => {
    const body = await json(
      await h.call('GET', slotsPath(`service_id=${s.serviceId}&date=2027-06-01`)),
    );
    expect(body.slots[0]).toEqual({
      start: '2027-06-01T09:00:00+02:00',
      end: '2027-06-01T09:30:00+02:00',
    });
  });

  it('covers several days (Friday to Sunday has only Friday)', async () => {
    const body = await json(
      await h.call('GET', slotsPath(`service_id=${s.serviceId}&date=2026-12-04&days=3`)),
    );
    expect(body.slots).toHaveLength(16);
    expect(body.slots.every((slot: { start: string }) => slot.start.startsWith('2026-12-04'))).toBe(
      true,
    );
    const week = await json(
      await h.call('GET', slotsPath(`service_id=${s.serviceId}&date=2026-12-07&days=7`)),
    );
    expect(week.slots).toHaveLength(5 * 16);
  });

  it('leaves out past starts today and booked slots', async () => {
    const today = await json(
      await h.call('GET', slotsPath(`service_id=${s.serviceId}&date=2026-11-30`)),
    );
    expect(today.slots[0].start).toBe('2026-11-30T09:00:00+01:00');
    expect((await book(h, s, '2026-12-02T10:00:00+01:00')).status).toBe(201);
    const body = await json(
      await h.call('GET', slotsPath(`service_id=${s.serviceId}&date=2026-12-02`)),
    );
    const starts = body.slots.map((slot: { start: string }) => slot.start);
    expect(starts).toHaveLength(15);
    expect(starts).not.toContain('2026-12-02T10:00:00+01:00');
  });

  it('names the days without slots and why', async () => {
    const short = await seedBookable(h, { max_advance_days: 3 });
    await h.call('POST', `/api/providers/${short.providerId}/overrides`, {
      date: '2026-12-01',
      is_blocked: true,
    });
    const body = await json(
      await h.call(
        'GET',
        slotsPath(`service_id=${short.serviceId}&date=2026-11-28&days=8`, short.providerId),
      ),
    );
    expect(body.closed_days).toEqual([
      { date: '2026-11-28', reason: 'IN_THE_PAST' },
      { date: '2026-11-29', reason: 'IN_THE_PAST' },
      { date: '2026-12-01', reason: 'BLOCKED' },
      { date: '2026-12-04', reason: 'TOO_FAR_AHEAD' },
      { date: '2026-12-05', reason: 'TOO_FAR_AHEAD' },
    ]);
    const weekend = await json(
      await h.call('GET', slotsPath(`service_id=${s.serviceId}&date=2026-12-05&days=2`)),
    );
    expect(weekend.closed_days).toEqual([
      { date: '2026-12-05', reason: 'CLOSED' },
      { date: '2026-12-06', reason: 'CLOSED' },
    ]);
  });

  it.each([
    ['days=0', 'days=0'],
    ['days=63', 'days=63'],
    ['days=1.5', 'days=1.5'],
    ['days=abc', 'days=abc'],
    ['a missing date', ''],
    ['an impossible date', 'date=2026-02-29'],
  ])('refuses %s with 400 VALIDATION_ERROR', async (_, extra) => {
    const date = extra.startsWith('date') || extra === '' ? '' : 'date=2026-12-01&';
    const response = await h.call('GET', slotsPath(`service_id=${s.serviceId}&${date}${extra}`));
    expect(response.status).toBe(400);
    const error = (await json(response)).error;
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.details.target).toBe('query');
    expect(error.details.issues.length).toBeGreaterThan(0);
  });

  it('accepts days=62', async () => {
    const response = await h.call(
      'GET',
      slotsPath(`service_id=${s.serviceId}&date=2026-12-01&days=62`),
    );
    expect(response.status).toBe(200);
  });

  it('refuses a missing service_id with 400', async () => {
    expect((await h.call('GET', slotsPath('date=2026-12-01'))).status).toBe(400);
  });

  it.each([
    ['an unknown provider', UNKNOWN, () => s.serviceId],
    ['a malformed provider', 'x', () => s.serviceId],
    ['an unknown service', undefined, () => UNKNOWN],
    ['a malformed service', undefined, () => 'x'],
  ])('answers %s with 404', async (_, providerId, serviceId) => {
    const response = await h.call(
      'GET',
      slotsPath(`service_id=${serviceId()}&date=2026-12-01`, providerId),
    );
    expect(response.status).toBe(404);
    expect((await json(response)).error.code).toBe('NOT_FOUND');
  });

  it('answers an inactive service with 404', async () => {
    const other = await seedBookable(h);
    await h.call('PATCH', `/api/services/${other.serviceId}`, { is_active: false });
    const response = await h.call(
      'GET',
      slotsPath(`service_id=${other.serviceId}&date=2026-12-01`, other.providerId),
    );
    expect(response.status).toBe(404);
  });
});
