// Bad input found by attack: impossible dates, years 0000 and 9999, crafted cursors. Each is 400.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  book,
  createHarness,
  type Harness,
  json,
  type Seeded,
  seedBookable,
  TOKEN,
} from './app-harness.ts';

let h: Harness;
let s: Seeded;
let appointmentId: string;
beforeAll(async () => {
  h = await createHarness();
  s = await seedBookable(h);
  const booked = await book(h, s, '2026-12-01T10:00:00+01:00');
  appointmentId = (await json(booked)).id;
});

/** A cursor as the lists make them: base64url of a JSON array of key parts. */
const cursorOf = (parts: unknown) => Buffer.from(JSON.stringify(parts)).toString('base64url');

async function expectValidationError(response: Response): Promise<void> {
  const body = await json(response);
  expect({ status: response.status, code: body.error?.code }).toEqual({
    status: 400,
    code: 'VALIDATION_ERROR',
  });
  expect(typeof body.error.message).toBe('string');
  expect(typeof body.error.details).toBe('object');
}

describe('crafted cursors', () => {
  const instantLists = () => [
    '/api/providers',
    '/api/clients',
    '/api/appointments',
    `/api/providers/${s.providerId}/services`,
  ];

  it.each([
    ['an impossible day', '2026-02-30T00:00:00.000000Z'],
    ['year 0000', '0000-01-01T00:00:00.000000Z'],
    ['year 9999', '9999-12-31T23:59:59.999999Z'],
    ['hour 24', '2026-01-01T24:00:00.000000Z'],
  ])('with %s in an instant list are 400', async (_, instant) => {
    for (const path of instantLists()) {
      const cursor = cursorOf([instant, randomUUID()]);
      await expectValidationError(await h.call('GET', `${path}?cursor=${cursor}`));
    }
  });

  it.each([
    ['an impossible day', ['2026-02-30', '09:00:00']],
    ['year 0000', ['0000-01-01', '09:00:00']],
    ['year 9999', ['9999-12-31', '09:00:00']],
    ['hour 25', ['2026-12-01', '25:00:00']],
    ['minute 60', ['2026-12-01', '09:60:00']],
  ])('with %s in the overrides list are 400', async (_, [date, time]) => {
    const cursor = cursorOf([date, time, randomUUID()]);
    await expectValidationError(
      await h.call('GET', `/api/providers/${s.providerId}/overrides?cursor=${cursor}`),
    );
  });
});

describe('dates and instants out of range', () => {
  it.each(['0000-01-01', '9999-12-31', '2026-02-30'])('slots?date=%s is 400', async (date) => {
    const path = `/api/providers/${s.providerId}/slots?service_id=${s.serviceId}&date=${date}`;
    await expectValidationError(await h.call('GET', path));
  });

  it('slots for the last supported day still answer', async () => {
    const path = `/api/providers/${s.providerId}/slots?service_id=${s.serviceId}&date=9998-12-31&days=62`;
    expect((await h.call('GET', path)).status).toBe(200);
  });

  it.each(['0000-01-01T09:00:00Z', '9999-12-31T09:00:00Z', '9999-12-31T23:30:00-14:00'])(
    'booking at %s is 400',
    async (start) => {
      await expectValidationError(await book(h, s, start));
    },
  );

  it('booking on the last supported day is an unbookable slot, not a fault', async () => {
    const response = await book(h, s, '9998-12-31T09:00:00Z');
    expect(response.status).toBe(422);
    expect((await json(response)).error.code).toBe('SLOT_UNAVAILABLE');
  });

  it.each(['0000-01-01T09:00:00Z', '9999-12-31T09:00:00Z'])(
    'rescheduling to %s is 400',
    async (start) => {
      await expectValidationError(
        await h.call('POST', `/api/appointments/${appointmentId}/reschedule`, {
          start_time: start,
        }),
      );
    },
  );

  it.each(['from', 'to'])('%s=0000-01-01T00:00:00Z on the appointment list is 400', async (key) => {
    await expectValidationError(
      await h.call('GET', `/api/appointments?${key}=0000-01-01T00:00:00Z`),
    );
  });

  it.each(['from', 'to'])('%s=0000-01-01 on the overrides list is 400', async (key) => {
    await expectValidationError(
      await h.call('GET', `/api/providers/${s.providerId}/overrides?${key}=0000-01-01`),
    );
  });

  it('an override on 0000-01-01 is 400', async () => {
    await expectValidationError(
      await h.call('POST', `/api/providers/${s.providerId}/overrides`, {
        date: '0000-01-01',
        is_blocked: true,
      }),
    );
  });

  it('the supported range is still listed and booked as before', async () => {
    const list = await h.call(
      'GET',
      '/api/appointments?from=1000-01-01T00:00:00Z&to=9998-12-31T23:59:59Z',
    );
    expect(list.status).toBe(200);
    expect((await json(list)).data).toHaveLength(1);
  });
});

describe('body limits', () => {
  it('refuses an API body over 64 KB with 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await h.call('POST', '/api/clients', {
      name: 'Big',
      timezone: 'Europe/Berlin',
      email: `${'a'.repeat(70_000)}@example.com`,
    });
    expect(response.status).toBe(413);
    const body = await json(response);
    expect(body.error).toEqual({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.any(String),
      details: { max_bytes: 64 * 1024 },
    });
  });

  it('refuses from Content-Length alone, before the body is read', async () => {
    // 10 MB in 64 KB chunks, counting how many the server pulls.
    let pulled = 0;
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled === 160) return controller.close();
        pulled += 1;
        controller.enqueue(chunk);
      },
    });
    const response = await h.app.request('/api/clients', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
        'content-length': String(10 * 1024 * 1024),
      },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('still takes the largest valid bodies: 5000 escaped characters of notes, 500 windows', async () => {
    const notes = '\u{1F600}'.repeat(2500);
    // Every character written as a \uXXXX escape: the longest way to send 5000 of them.
    const escaped = (text: string) =>
      text.replace(/[\u{10000}-\u{10FFFF}]/gu, (c) =>
        Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16)}`).join(''),
      );
    const body = escaped(
      JSON.stringify({
        provider_id: s.providerId,
        service_id: s.serviceId,
        client_id: s.clientId,
        start_time: '2026-12-02T11:00:00+01:00',
        notes,
      }),
    );
    expect(body.length).toBeGreaterThan(30_000);
    const booked = await h.app.request('/api/appointments', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${TOKEN}`,
        'content-type': 'application/json',
        'idempotency-key': 'largest-notes',
      },
      body,
    });
    expect(booked.status).toBe(201);
    expect((await json(booked)).notes).toBe(notes);
    const windows = Array.from({ length: 500 }, (_, i) => {
      const minute = Math.floor(i / 7) * 20;
      const at = (m: number) =>
        `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      return { day_of_week: i % 7, start_time: at(minute), end_time: at(minute + 10) };
    });
    const replaced = await h.call('PUT', `/api/providers/${s.providerId}/availability`, {
      windows,
    });
    expect(replaced.status).toBe(200);
  });
});
