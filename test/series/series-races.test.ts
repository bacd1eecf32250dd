// A series racing single bookings of its slots, and a flood of identical series requests, on real PostgreSQL.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../../src/booking/book-appointment.ts';
import { bookFreeOfSeries, bookWholeSeries } from '../../src/series/book-series.ts';
import { planOccurrences } from '../../src/series/plan-occurrences.ts';
import { addClient, createFixture, type Fixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { seriesRequest } from './series-test-requests.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

const now = MONDAY_MORNING; // Monday 2026-11-30 07:00 Berlin
const TUESDAY_10 = '2026-12-01T09:00:00.000Z';
const SLOTS = planOccurrences(new Date(TUESDAY_10), 'Europe/Berlin', 8, 1);

/** 50 single bookings by other clients, spread over the series' 8 slots (6 or 7 each). */
async function singles(f: Fixture) {
  const others = await Promise.all(Array.from({ length: 5 }, () => addClient(t.db)));
  return Array.from(
    { length: 50 },
    (_, i) => () =>
      bookAppointment(
        t.db,
        {
          ...f,
          clientId: others[i % others.length] ?? f.clientId,
          startTime: SLOTS[i % SLOTS.length] ?? new Date(TUESDAY_10),
          notes: null,
          idempotencyKey: randomUUID(),
          actor: 'admin',
          paymentHoldMinutes: null,
        },
        now,
      ),
  );
}

type Row = { start_time: Date; series_id: string | null };

/** The provider's active appointments, and how many pairs of them overlap (must be 0). */
async function activeState(providerId: string) {
  const active = await t.pool.query<Row>(
    `select start_time, series_id from appointments
      where provider_id = $1 and status in ('AWAITING_PAYMENT', 'PENDING', 'CONFIRMED')
      order by start_time`,
    [providerId],
  );
  const overlaps = await t.pool.query<{ n: number }>(
    `select count(*)::int as n from appointments a join appointments b
       on a.provider_id = b.provider_id and a.id < b.id
      and tstzrange(a.start_time, a.blocked_until) && tstzrange(b.start_time, b.blocked_until)
      where a.provider_id = $1
        and a.status in ('AWAITING_PAYMENT', 'PENDING', 'CONFIRMED')
        and b.status in ('AWAITING_PAYMENT', 'PENDING', 'CONFIRMED')`,
    [providerId],
  );
  return { active: active.rows, overlaps: overlaps.rows[0]?.n };
}

/** Runs every task at once (the series among the singles) and waits for all. */
function race<T>(tasks: (() => Promise<T>)[]) {
  return Promise.all(tasks.map((task) => task()));
}

describe('a series racing 50 single bookings of its slots', () => {
  // The series starts first, in the middle or last of the 51 requests.
  it.each([0, 25, 50])(
    'whole series at position %i: never a double booking, each slot taken once, all or nothing',
    async (position) => {
      const f = await createFixture(t.db);
      const tasks: (() => Promise<unknown>)[] = await singles(f);
      let series: Awaited<ReturnType<typeof bookWholeSeries>> | undefined;
      tasks.splice(position, 0, async () => {
        series = await bookWholeSeries(t.db, seriesRequest(f, TUESDAY_10, 8), now);
        return null;
      });
      await race(tasks);
      const { active, overlaps } = await activeState(f.providerId);
      expect(overlaps).toBe(0);
      expect(active.map((r) => r.start_time.toISOString())).toEqual(
        SLOTS.map((s) => s.toISOString()),
      );
      const ofSeries = active.filter((r) => r.series_id !== null);
      expect([0, 8]).toContain(ofSeries.length);
      if (series?.ok) {
        expect(ofSeries).toHaveLength(8);
        expect(series.value.appointments).toHaveLength(8);
      } else {
        expect(series).toMatchObject({ ok: false, code: 'SERIES_CONFLICT' });
        expect(ofSeries).toHaveLength(0);
      }
    },
  );

  it('free ones: each slot is either the series’ or one single’s, and the series got what it says', async () => {
    const f = await createFixture(t.db);
    const tasks: (() => Promise<unknown>)[] = await singles(f);
    let series: Awaited<ReturnType<typeof bookFreeOfSeries>> | undefined;
    tasks.splice(0, 0, async () => {
      series = await bookFreeOfSeries(t.db, seriesRequest(f, TUESDAY_10, 8), now);
      return null;
    });
    await race(tasks);
    const { active, overlaps } = await activeState(f.providerId);
    expect(overlaps).toBe(0);
    expect(active.map((r) => r.start_time.toISOString())).toEqual(
      SLOTS.map((s) => s.toISOString()),
    );
    const ofSeries = active.filter((r) => r.series_id !== null).map((r) => r.start_time.getTime());
    if (series?.ok) {
      expect(series.value.appointments.map((a) => a.startTime.getTime())).toEqual(ofSeries);
      expect(series.value.appointments.length + series.value.skipped.length).toBe(8);
      for (const s of series.value.skipped) expect(s.verdict).toMatchObject({ code: 'SLOT_TAKEN' });
    } else {
      expect(series).toMatchObject({ ok: false, code: 'SERIES_CONFLICT' });
      expect(ofSeries).toEqual([]);
    }
  });

  it('a series that locks first takes all its slots; the singles after it are SLOT_TAKEN', async () => {
    const f = await createFixture(t.db);
    const series = await bookWholeSeries(t.db, seriesRequest(f, TUESDAY_10, 8), now);
    expect(series.ok).toBe(true);
    const results = await race(await singles(f));
    expect(results.every((r) => !r.ok && r.code === 'SLOT_TAKEN')).toBe(true);
  });
});

describe('200 identical series requests with one key', () => {
  it('book one series; the rest replay it', async () => {
    const f = await createFixture(t.db);
    const request = seriesRequest(f, TUESDAY_10, 8);
    const results = await Promise.all(
      Array.from({ length: 200 }, () => bookWholeSeries(t.db, request, now)),
    );
    const booked = results.flatMap((r) => (r.ok ? [r.value] : []));
    expect(booked).toHaveLength(200);
    expect(booked.filter((b) => !b.replayed)).toHaveLength(1);
    expect(new Set(booked.map((b) => b.series.id)).size).toBe(1);
    const counts = await t.pool.query<{ series: number; appointments: number }>(
      `select (select count(*)::int from appointment_series where provider_id = $1) as series,
        (select count(*)::int from appointments where provider_id = $1) as appointments`,
      [f.providerId],
    );
    expect(counts.rows[0]).toEqual({ series: 1, appointments: 8 });
  });
});
