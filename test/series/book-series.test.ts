// bookWholeSeries and bookFreeOfSeries on real PostgreSQL: all or nothing, the free ones, keys, DST.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../../src/booking/book-appointment.ts';
import { cancelAppointment } from '../../src/booking/cancel-appointment.ts';
import { appointmentEvents, appointments } from '../../src/db/schema/appointments.ts';
import { availabilityOverrides } from '../../src/db/schema/availability.ts';
import { providers } from '../../src/db/schema/providers.ts';
import { appointmentSeries } from '../../src/db/schema/series.ts';
import { bookFreeOfSeries, bookWholeSeries } from '../../src/series/book-series.ts';
import { previewSeries } from '../../src/series/preview-series.ts';
import { readSeries } from '../../src/series/read-series.ts';
import { addService, createFixture, type Fixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { seriesRequest } from './series-test-requests.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

const now = MONDAY_MORNING; // Monday 2026-11-30 07:00 Berlin
// Tuesdays 10:00 Berlin (winter time): 2026-12-01, 12-08, 12-15, 12-22.
const TUESDAY_10 = '2026-12-01T09:00:00.000Z';
const TUESDAYS = [
  '2026-12-01T09:00:00.000Z',
  '2026-12-08T09:00:00.000Z',
  '2026-12-15T09:00:00.000Z',
  '2026-12-22T09:00:00.000Z',
];

async function bookSingle(f: Fixture, start: string) {
  const result = await bookAppointment(
    t.db,
    {
      ...f,
      startTime: new Date(start),
      notes: null,
      idempotencyKey: randomUUID(),
      actor: 'admin',
      paymentHoldMinutes: null,
    },
    now,
  );
  if (!result.ok) throw new Error(`single booking refused: ${result.code}`);
  return result.value.appointment;
}

async function seriesCount(f: Fixture): Promise<number> {
  const rows = await t.db
    .select()
    .from(appointmentSeries)
    .where(eq(appointmentSeries.providerId, f.providerId));
  return rows.length;
}

describe('bookWholeSeries', () => {
  it('books every occurrence at the same local time, each an ordinary booking with BOOKED', async () => {
    const f = await createFixture(t.db);
    const result = await bookWholeSeries(
      t.db,
      seriesRequest(f, TUESDAY_10, 4, { notes: 'knee' }),
      now,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { series, appointments: booked, skipped, replayed } = result.value;
    expect(replayed).toBe(false);
    expect(skipped).toEqual([]);
    expect(series).toMatchObject({
      providerId: f.providerId,
      timezone: 'Europe/Berlin',
      firstDate: '2026-12-01',
      localTime: '10:00',
      intervalWeeks: 1,
      occurrences: 4,
      createdBy: 'admin',
      cancelledAt: null,
    });
    expect(booked.map((a) => a.startTime.toISOString())).toEqual(TUESDAYS);
    for (const a of booked) {
      expect(a).toMatchObject({ seriesId: series.id, status: 'CONFIRMED', notes: 'knee' });
      const events = await t.db
        .select()
        .from(appointmentEvents)
        .where(eq(appointmentEvents.appointmentId, a.id));
      expect(events.map((e) => e.type)).toEqual(['BOOKED']);
    }
    const read = await readSeries(t.db, series.id);
    expect(read.ok && read.value.appointments.map((a) => a.id)).toEqual(booked.map((a) => a.id));
  });

  it('books nothing and names each refused occurrence and why when one is taken', async () => {
    const f = await createFixture(t.db);
    await bookSingle(f, TUESDAYS[2] ?? '');
    const result = await bookWholeSeries(t.db, seriesRequest(f, TUESDAY_10, 4), now);
    expect(result).toMatchObject({ ok: false, code: 'SERIES_CONFLICT' });
    if (result.ok || result.code !== 'SERIES_CONFLICT') return;
    expect(
      result.occurrences.map((o) => [
        o.start.toISOString(),
        o.verdict.ok ? 'free' : o.verdict.code,
      ]),
    ).toEqual([
      [TUESDAYS[0], 'free'],
      [TUESDAYS[1], 'free'],
      [TUESDAYS[2], 'SLOT_TAKEN'],
      [TUESDAYS[3], 'free'],
    ]);
    expect(await seriesCount(f)).toBe(0);
    const rows = await t.db
      .select()
      .from(appointments)
      .where(eq(appointments.providerId, f.providerId));
    expect(rows).toHaveLength(1);
  });

  it('refuses an occurrence on a blocked day as SLOT_UNAVAILABLE BLOCKED', async () => {
    const f = await createFixture(t.db);
    await t.db
      .insert(availabilityOverrides)
      .values({ providerId: f.providerId, date: '2026-12-08', isBlocked: true });
    const result = await bookWholeSeries(t.db, seriesRequest(f, TUESDAY_10, 2), now);
    expect(result.ok).toBe(false);
    if (result.ok || result.code !== 'SERIES_CONFLICT') return;
    expect(result.occurrences[1]?.verdict).toMatchObject({
      code: 'SLOT_UNAVAILABLE',
      reason: 'BLOCKED',
    });
  });

  it('refuses the occurrence whose day is at the day limit of the service as LIMIT_REACHED', async () => {
    const f = await createFixture(t.db, { service: { maxBookingsPerDay: 1 } });
    await bookSingle(f, '2026-12-08T13:00:00.000Z');
    const result = await bookWholeSeries(t.db, seriesRequest(f, TUESDAY_10, 3), now);
    if (result.ok || result.code !== 'SERIES_CONFLICT') throw new Error('expected a conflict');
    expect(result.occurrences.map((o) => (o.verdict.ok ? 'free' : o.verdict.code))).toEqual([
      'free',
      'LIMIT_REACHED',
      'free',
    ]);
  });
});

describe('bookFreeOfSeries', () => {
  it('books the free occurrences and lists the skipped ones with why', async () => {
    const f = await createFixture(t.db);
    await bookSingle(f, TUESDAYS[1] ?? '');
    const result = await bookFreeOfSeries(t.db, seriesRequest(f, TUESDAY_10, 4), now);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.appointments.map((a) => a.startTime.toISOString())).toEqual([
      TUESDAYS[0],
      TUESDAYS[2],
      TUESDAYS[3],
    ]);
    expect(result.value.skipped.map((o) => [o.start.toISOString(), o.verdict])).toEqual([
      [TUESDAYS[1], expect.objectContaining({ ok: false, code: 'SLOT_TAKEN' })],
    ]);
  });

  it('answers SERIES_CONFLICT and writes nothing when no occurrence is free', async () => {
    const f = await createFixture(t.db);
    const result = await bookFreeOfSeries(
      t.db,
      seriesRequest(f, '2026-11-29T09:00:00.000Z', 2),
      now,
    );
    expect(result).toMatchObject({ ok: false, code: 'SERIES_CONFLICT' });
    expect(await seriesCount(f)).toBe(0);
  });

  it('counts occurrences of the same series toward the client limit', async () => {
    const f = await createFixture(t.db);
    await t.db
      .update(providers)
      .set({ maxActiveBookingsPerClient: 2 })
      .where(eq(providers.id, f.providerId));
    const result = await bookFreeOfSeries(t.db, seriesRequest(f, TUESDAY_10, 4), now);
    if (!result.ok) throw new Error(result.code);
    expect(result.value.appointments).toHaveLength(2);
    expect(result.value.skipped.map((o) => o.verdict)).toEqual([
      expect.objectContaining({ code: 'LIMIT_REACHED', limit: 'CLIENT_ACTIVE', max: 2 }),
      expect.objectContaining({ code: 'LIMIT_REACHED', limit: 'CLIENT_ACTIVE', max: 2 }),
    ]);
  });
});

describe('series idempotency', () => {
  it('replays the same series for the same key and request, skipped ones included', async () => {
    const f = await createFixture(t.db);
    await bookSingle(f, TUESDAYS[3] ?? '');
    const request = seriesRequest(f, TUESDAY_10, 4);
    const first = await bookFreeOfSeries(t.db, request, now);
    const again = await bookFreeOfSeries(t.db, request, new Date(now.getTime() + 60_000));
    if (!first.ok || !again.ok) throw new Error('expected both to book');
    expect(again.value.replayed).toBe(true);
    expect(again.value.series.id).toBe(first.value.series.id);
    expect(again.value.appointments.map((a) => a.id)).toEqual(
      first.value.appointments.map((a) => a.id),
    );
    expect(again.value.skipped).toEqual(first.value.skipped);
    expect(await seriesCount(f)).toBe(1);
  });

  it('refuses the key for a different request, and for the other way of taking', async () => {
    const f = await createFixture(t.db);
    const request = seriesRequest(f, TUESDAY_10, 2);
    expect((await bookWholeSeries(t.db, request, now)).ok).toBe(true);
    expect(await bookWholeSeries(t.db, { ...request, occurrences: 3 }, now)).toEqual({
      ok: false,
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await bookFreeOfSeries(t.db, request, now)).toEqual({
      ok: false,
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  });

  it('a refused request stores no key: the same key books once the conflict is gone', async () => {
    const f = await createFixture(t.db);
    const blocker = await bookSingle(f, TUESDAYS[1] ?? '');
    const request = seriesRequest(f, TUESDAY_10, 2);
    expect((await bookWholeSeries(t.db, request, now)).ok).toBe(false);
    await cancelAppointment(
      t.db,
      { appointmentId: blocker.id, actor: 'admin', by: 'CLIENT', reason: null },
      now,
    );
    const retried = await bookWholeSeries(t.db, request, now);
    expect(retried.ok && retried.value.replayed).toBe(false);
    expect(retried.ok && retried.value.appointments).toHaveLength(2);
  });
});

describe('series across DST and zones', () => {
  it('keeps a Berlin 10:00 series at 10:00 local over the end of October: 08:00Z, then 09:00Z', async () => {
    const f = await createFixture(t.db);
    const octoberNow = new Date('2026-10-01T06:00:00Z');
    const result = await bookWholeSeries(
      t.db,
      seriesRequest(f, '2026-10-20T08:00:00.000Z', 3),
      octoberNow,
    );
    if (!result.ok) throw new Error(result.code);
    expect(result.value.appointments.map((a) => a.startTime.toISOString())).toEqual([
      '2026-10-20T08:00:00.000Z',
      '2026-10-27T09:00:00.000Z',
      '2026-11-03T09:00:00.000Z',
    ]);
    expect(result.value.series.localTime).toBe('10:00');
  });

  it("keeps the series' own zone: a London 09:00 series with a Berlin provider is 10:00 Berlin", async () => {
    const f = await createFixture(t.db);
    const result = await bookWholeSeries(
      t.db,
      seriesRequest(f, TUESDAY_10, 2, { timezone: 'europe/london' }),
      now,
    );
    if (!result.ok) throw new Error(result.code);
    expect(result.value.series).toMatchObject({ timezone: 'Europe/London', localTime: '09:00' });
  });
});

describe('series payments and refusals of input', () => {
  it('starts each paid occurrence as its own unpaid hold when payments are on', async () => {
    const f = await createFixture(t.db);
    const paid = await addService(t.db, f.providerId, { paymentMode: 'FULL', price: 3000 });
    const result = await bookWholeSeries(
      t.db,
      seriesRequest({ ...f, serviceId: paid }, TUESDAY_10, 2, { paymentHoldMinutes: 30 }),
      now,
    );
    if (!result.ok) throw new Error(result.code);
    for (const a of result.value.appointments) {
      expect(a).toMatchObject({ status: 'AWAITING_PAYMENT', amountDue: 3000 });
      expect(a.holdExpiresAt?.toISOString()).toBe('2026-11-30T06:30:00.000Z');
    }
  });

  it.each([
    ['an unknown zone', { timezone: 'Mars/Olympus' }, 'VALIDATION_ERROR'],
    ['53 occurrences', { occurrences: 53 }, 'VALIDATION_ERROR'],
    ['0 occurrences', { occurrences: 0 }, 'VALIDATION_ERROR'],
    ['a 5-week interval', { intervalWeeks: 5 }, 'VALIDATION_ERROR'],
    ['a start with seconds', { firstStart: new Date('2026-12-01T09:00:30Z') }, 'VALIDATION_ERROR'],
    ['a malformed client id', { clientId: 'nope' }, 'NOT_FOUND'],
    ['an unknown provider', { providerId: randomUUID() }, 'NOT_FOUND'],
  ])('refuses %s', async (_name, change, code) => {
    const f = await createFixture(t.db);
    const request = { ...seriesRequest(f, TUESDAY_10, 2), ...change };
    expect(await bookWholeSeries(t.db, request, now)).toMatchObject({ ok: false, code });
    expect(await previewSeries(t.db, request, now)).toMatchObject({ ok: false, code });
    expect(await seriesCount(f)).toBe(0);
  });
});

describe('previewSeries', () => {
  it('shows the free and refused occurrences without booking anything', async () => {
    const f = await createFixture(t.db);
    await bookSingle(f, TUESDAYS[2] ?? '');
    const result = await previewSeries(t.db, seriesRequest(f, TUESDAY_10, 4), now);
    if (!result.ok) throw new Error(result.code);
    expect(result.value.occurrences.map((o) => (o.verdict.ok ? 'free' : o.verdict.code))).toEqual([
      'free',
      'free',
      'SLOT_TAKEN',
      'free',
    ]);
    expect(await seriesCount(f)).toBe(0);
  });

  it('counts the earlier free occurrences toward the limits, as booking would', async () => {
    const f = await createFixture(t.db);
    await t.db
      .update(providers)
      .set({ maxActiveBookingsPerClient: 3 })
      .where(eq(providers.id, f.providerId));
    const preview = await previewSeries(t.db, seriesRequest(f, TUESDAY_10, 4), now);
    if (!preview.ok) throw new Error(preview.code);
    expect(preview.value.occurrences.map((o) => o.verdict.ok)).toEqual([true, true, true, false]);
    const booked = await bookFreeOfSeries(t.db, seriesRequest(f, TUESDAY_10, 4), now);
    expect(booked.ok && booked.value.appointments).toHaveLength(3);
  });
});
