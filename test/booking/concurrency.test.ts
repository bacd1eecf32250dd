// Under a flood of parallel requests exactly one booking wins, and the database refuses overlaps
// even from code that bypasses the booking path.
import { beforeAll, describe, expect, it } from 'vitest';
import { bookAsAdmin } from '../support/book-as-admin.ts';
import { createFixture, type Fixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

const now = MONDAY_MORNING;

function book(f: Fixture, start: Date) {
  return bookAsAdmin(t.db, f, start, now);
}

function tally(results: Awaited<ReturnType<typeof book>>[]) {
  const codes = results.map((r) => (r.ok ? 'OK' : r.code));
  return {
    ok: codes.filter((c) => c === 'OK').length,
    taken: codes.filter((c) => c === 'SLOT_TAKEN').length,
    all: codes.length,
  };
}

async function activeOverlaps(providerId: string): Promise<number> {
  const { rows } = await t.pool.query<{ n: string }>(
    `select count(*) as n from appointments a join appointments b
       on a.provider_id = b.provider_id and a.id < b.id
      and tstzrange(a.start_time, a.blocked_until) && tstzrange(b.start_time, b.blocked_until)
    where a.provider_id = $1 and a.status in ('PENDING','CONFIRMED') and b.status in ('PENDING','CONFIRMED')`,
    [providerId],
  );
  return Number(rows[0]?.n);
}

describe('parallel bookings', () => {
  it('50 bookings of one slot: exactly one succeeds, 49 are SLOT_TAKEN', async () => {
    const f = await createFixture(t.db);
    const start = new Date('2026-12-01T10:00:00+01:00');
    const results = await Promise.all(Array.from({ length: 50 }, () => book(f, start)));
    expect(tally(results)).toEqual({ ok: 1, taken: 49, all: 50 });
    expect(await activeOverlaps(f.providerId)).toBe(0);
  });

  it('50 bookings of overlapping, different starts: exactly one succeeds', async () => {
    // 60-minute service on a 1-minute grid: starts 09:00..09:49 all overlap each other.
    const f = await createFixture(t.db, {
      service: { slotIntervalMinutes: 1, bufferTimeMinutes: 5 },
    });
    const base = new Date('2026-12-02T09:00:00+01:00').getTime();
    const starts = Array.from({ length: 50 }, (_, i) => new Date(base + i * 60_000));
    const results = await Promise.all(starts.map((s) => book(f, s)));
    expect(tally(results)).toEqual({ ok: 1, taken: 49, all: 50 });
    expect(await activeOverlaps(f.providerId)).toBe(0);
  });

  it('parallel bookings of different providers do not block each other', async () => {
    const fixtures = await Promise.all(Array.from({ length: 10 }, () => createFixture(t.db)));
    const start = new Date('2026-12-03T11:00:00+01:00');
    const results = await Promise.all(fixtures.map((f) => book(f, start)));
    expect(tally(results)).toEqual({ ok: 10, taken: 0, all: 10 });
  });
});

describe('exclusion constraint, bypassing the booking code', () => {
  const insert = (f: Fixture, start: string, until: string, status = 'CONFIRMED') =>
    t.pool.query(
      `insert into appointments (provider_id, client_id, service_id, start_time, end_time, blocked_until, status, price, currency, cancelled_at, cancelled_by)
       values ($1, $2, $3, $4::timestamptz, $4::timestamptz + interval '30 minutes', $5, $6::text::appointment_status, 0, 'EUR',
               case when $6::text = 'CANCELLED' then now() end, case when $6::text = 'CANCELLED' then 'CLIENT'::party_role end)`,
      [f.providerId, f.clientId, f.serviceId, start, until, status],
    );

  it('refuses an overlapping active row with SQLSTATE 23P01', async () => {
    const f = await createFixture(t.db);
    await insert(f, '2026-12-07T09:00:00Z', '2026-12-07T09:40:00Z');
    await expect(insert(f, '2026-12-07T09:30:00Z', '2026-12-07T10:00:00Z')).rejects.toMatchObject({
      code: '23P01',
    });
    await expect(
      insert(f, '2026-12-07T09:00:00Z', '2026-12-07T09:30:00Z', 'PENDING'),
    ).rejects.toMatchObject({
      code: '23P01',
    });
  });

  it('counts the buffer: a row starting inside another one buffer is refused', async () => {
    const f = await createFixture(t.db);
    await insert(f, '2026-12-08T09:00:00Z', '2026-12-08T09:45:00Z');
    await expect(insert(f, '2026-12-08T09:40:00Z', '2026-12-08T10:10:00Z')).rejects.toMatchObject({
      code: '23P01',
    });
  });

  it('allows touching ranges, cancelled rows, and other providers', async () => {
    const f = await createFixture(t.db);
    const g = await createFixture(t.db);
    await insert(f, '2026-12-09T09:00:00Z', '2026-12-09T09:30:00Z');
    await expect(insert(f, '2026-12-09T09:30:00Z', '2026-12-09T10:00:00Z')).resolves.toBeDefined();
    await expect(
      insert(f, '2026-12-09T09:00:00Z', '2026-12-09T09:30:00Z', 'CANCELLED'),
    ).resolves.toBeDefined();
    await expect(insert(g, '2026-12-09T09:00:00Z', '2026-12-09T09:30:00Z')).resolves.toBeDefined();
  });

  it('refuses a blocked range that ends before the appointment does', async () => {
    const f = await createFixture(t.db);
    await expect(insert(f, '2026-12-10T09:00:00Z', '2026-12-10T09:10:00Z')).rejects.toMatchObject({
      code: '23514',
    });
  });
});
