// Parallel bookings at a daily limit: exactly the limit is booked, from one pool and from two.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/database.ts';
import { bookAsAdmin } from '../support/book-as-admin.ts';
import { createFixture, type Fixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
let second: ReturnType<typeof openDatabase>;
beforeAll(async () => {
  t = await createTestDatabase();
  second = openDatabase(t.url);
});
afterAll(async () => {
  await second.close();
});

const NOW = MONDAY_MORNING;

function book(db: Database, f: Fixture, start: Date) {
  return bookAsAdmin(db, f, start, NOW);
}

/** `n` different free starts on Tuesday 2026-12-01, 09:00-17:00 Berlin, on a 1-minute grid. */
function startsOnTuesday(n: number): Date[] {
  const base = new Date('2026-12-01T09:00:00+01:00').getTime();
  return Array.from({ length: n }, (_, i) => new Date(base + i * 2 * 60_000));
}

async function activeOnTuesday(f: Fixture): Promise<number> {
  const { rows } = await t.pool.query<{ n: number }>(
    `select count(*)::int as n from appointments
      where service_id = $1 and status in ('AWAITING_PAYMENT', 'PENDING', 'CONFIRMED')
        and (start_time at time zone 'Europe/Berlin')::date = '2026-12-01'`,
    [f.serviceId],
  );
  return rows[0]?.n ?? -1;
}

function tally(results: Awaited<ReturnType<typeof book>>[]) {
  const codes = results.map((r) => (r.ok ? 'OK' : r.code));
  return {
    ok: codes.filter((c) => c === 'OK').length,
    limited: codes.filter((c) => c === 'LIMIT_REACHED').length,
    all: codes.length,
  };
}

describe('a daily limit under parallel bookings', () => {
  // 2-minute service on a 2-minute grid: 200 different starts, none overlapping another.
  const service = { durationMinutes: 2, slotIntervalMinutes: 2, maxBookingsPerDay: 3 };

  it('200 parallel bookings of different free slots with max 3: exactly 3 booked', async () => {
    const f = await createFixture(t.db, { service });
    const results = await Promise.all(startsOnTuesday(200).map((s) => book(t.db, f, s)));
    expect(tally(results)).toEqual({ ok: 3, limited: 197, all: 200 });
    for (const r of results) {
      if (!r.ok) expect(r).toMatchObject({ limit: 'SERVICE_PER_DAY', max: 3 });
    }
    expect(await activeOnTuesday(f)).toBe(3);
  });

  it('two app pools racing: still exactly 3 booked', async () => {
    const f = await createFixture(t.db, { service });
    const results = await Promise.all(
      startsOnTuesday(200).map((s, i) => book(i % 2 === 0 ? t.db : second.db, f, s)),
    );
    expect(tally(results)).toEqual({ ok: 3, limited: 197, all: 200 });
    expect(await activeOnTuesday(f)).toBe(3);
  });
});
