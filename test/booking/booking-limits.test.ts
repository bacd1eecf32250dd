// Booking limits against real PostgreSQL: a service's day and week, a client's upcoming bookings, waitlist offers.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cancelAppointment } from '../../src/booking/cancel-appointment.ts';
import { listSlots } from '../../src/booking/list-slots.ts';
import { rescheduleAppointment } from '../../src/booking/reschedule-appointment.ts';
import { providers } from '../../src/db/schema/providers.ts';
import { bookAsAdmin } from '../support/book-as-admin.ts';
import {
  addClient,
  addService,
  createFixture,
  type Fixture,
  MONDAY_MORNING,
} from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

const NOW = MONDAY_MORNING; // Mon 2026-11-30 07:00 Berlin
const at = (iso: string) => new Date(iso);

function book(f: Fixture, start: Date, now = NOW) {
  return bookAsAdmin(t.db, f, start, now);
}

async function bookOk(f: Fixture, start: Date, now = NOW): Promise<string> {
  const result = await book(f, start, now);
  if (!result.ok) throw new Error(`expected a booking, got ${result.code}`);
  return result.value.appointment.id;
}

async function slotStarts(f: Fixture, from: string, days: number, now = NOW, clientId?: string) {
  const listed = await listSlots(t.db, { ...f, from, days, clientId: clientId ?? null }, now);
  if (!listed.ok) throw new Error(listed.code);
  return listed.value.slots.map((s) => new Date(s.start).toISOString());
}

async function setClientLimit(providerId: string, max: number | null) {
  await t.db
    .update(providers)
    .set({ maxActiveBookingsPerClient: max })
    .where(eq(providers.id, providerId));
}

describe('a service per-day limit', () => {
  it('refuses the day once it holds the max, says which limit, and leaves other days bookable', async () => {
    const f = await createFixture(t.db, { service: { maxBookingsPerDay: 2 } });
    await bookOk(f, at('2026-12-01T09:00:00+01:00'));
    await bookOk(f, at('2026-12-01T10:00:00+01:00'));
    expect(await book(f, at('2026-12-01T11:00:00+01:00'))).toEqual({
      ok: false,
      code: 'LIMIT_REACHED',
      limit: 'SERVICE_PER_DAY',
      max: 2,
      date: '2026-12-01',
    });
    await bookOk(f, at('2026-12-02T11:00:00+01:00'));
  });

  it('a taken slot on a full day stays SLOT_TAKEN, naming no nearest times on that day', async () => {
    const f = await createFixture(t.db, { service: { maxBookingsPerDay: 1 } });
    await bookOk(f, at('2026-12-01T09:00:00+01:00'));
    expect(await book(f, at('2026-12-01T09:00:00+01:00'))).toEqual({
      ok: false,
      code: 'SLOT_TAKEN',
      nearest: { before: null, after: null },
    });
  });

  it('counts only this service: another service of the provider books freely', async () => {
    const f = await createFixture(t.db, { service: { maxBookingsPerDay: 1 } });
    const other = { ...f, serviceId: await addService(t.db, f.providerId) };
    await bookOk(f, at('2026-12-01T09:00:00+01:00'));
    await bookOk(other, at('2026-12-01T10:00:00+01:00'));
    await bookOk(other, at('2026-12-01T11:00:00+01:00'));
  });

  it('a cancelled booking frees its place', async () => {
    const f = await createFixture(t.db, { service: { maxBookingsPerDay: 1 } });
    const id = await bookOk(f, at('2026-12-01T09:00:00+01:00'));
    expect((await book(f, at('2026-12-01T12:00:00+01:00'))).ok).toBe(false);
    const cancelled = await cancelAppointment(
      t.db,
      { appointmentId: id, by: 'CLIENT', actor: 'admin', reason: null },
      NOW,
    );
    expect(cancelled.ok).toBe(true);
    await bookOk(f, at('2026-12-01T12:00:00+01:00'));
  });

  it('a reschedule within the same day does not count itself; onto a full day it is refused', async () => {
    const f = await createFixture(t.db, { service: { maxBookingsPerDay: 1 } });
    const id = await bookOk(f, at('2026-12-01T09:00:00+01:00'));
    const moved = await rescheduleAppointment(
      t.db,
      { appointmentId: id, newStart: at('2026-12-01T14:00:00+01:00'), actor: 'admin' },
      NOW,
    );
    expect(moved.ok).toBe(true);
    await bookOk(f, at('2026-12-02T09:00:00+01:00'));
    const ontoFull = await rescheduleAppointment(
      t.db,
      { appointmentId: id, newStart: at('2026-12-02T11:00:00+01:00'), actor: 'admin' },
      NOW,
    );
    expect(ontoFull).toMatchObject({ ok: false, code: 'LIMIT_REACHED', limit: 'SERVICE_PER_DAY' });
  });

  it('slots leave out the full day and only it', async () => {
    const f = await createFixture(t.db, { service: { maxBookingsPerDay: 1 } });
    await bookOk(f, at('2026-12-01T10:00:00+01:00'));
    const starts = await slotStarts(f, '2026-11-30', 5);
    const days = new Set(starts.map((s) => s.slice(0, 10)));
    expect([...days]).toEqual(['2026-11-30', '2026-12-02', '2026-12-03', '2026-12-04']);
    expect(starts).toHaveLength(4 * 8); // Monday 07:00 now: 09:00..16:00 all still ahead
  });
});

describe('a service per-week limit, by the local ISO week', () => {
  // New York leaves DST on Sunday 2026-11-01: that week's Sunday has 25 hours, and Sunday
  // 23:00 local is Monday 04:00 UTC, in the next UTC week but the same local week.
  const now = at('2026-10-20T12:00:00Z');
  const allDay = [0, 1, 2, 3, 4, 5, 6].map((d): [number, string, string] => [d, '00:00', '24:00']);

  it('counts Sunday 23:00 local in its own week, and Monday 00:00 starts a fresh one', async () => {
    const f = await createFixture(t.db, {
      timezone: 'America/New_York',
      windows: allDay,
      service: { maxBookingsPerWeek: 2 },
    });
    await bookOk(f, at('2026-10-26T10:00:00-04:00'), now);
    await bookOk(f, at('2026-11-01T23:00:00-05:00'), now);
    expect(await book(f, at('2026-10-28T10:00:00-04:00'), now)).toEqual({
      ok: false,
      code: 'LIMIT_REACHED',
      limit: 'SERVICE_PER_WEEK',
      max: 2,
      date: '2026-10-26',
    });
    expect(await slotStarts(f, '2026-10-26', 7, now)).toEqual([]);
    const next = await slotStarts(f, '2026-11-02', 1, now);
    expect(next[0]).toBe('2026-11-02T05:00:00.000Z');
    await bookOk(f, at('2026-11-02T00:00:00-05:00'), now);
  });

  it('a week limit of 3 leaves the rest of a DST week bookable until it is full', async () => {
    const f = await createFixture(t.db, {
      timezone: 'America/New_York',
      windows: allDay,
      service: { maxBookingsPerWeek: 3 },
    });
    await bookOk(f, at('2026-11-01T01:00:00-04:00'), now); // 01:00, offered once on the 25-hour day
    await bookOk(f, at('2026-11-01T23:00:00-05:00'), now); // Monday 04:00 UTC
    expect((await slotStarts(f, '2026-10-26', 7, now)).length).toBeGreaterThan(0);
    await bookOk(f, at('2026-10-30T09:00:00-04:00'), now);
    expect(await slotStarts(f, '2026-10-26', 7, now)).toEqual([]);
  });
});

describe("a provider's per-client limit", () => {
  it('counts the client’s upcoming active bookings with the provider over every service', async () => {
    const f = await createFixture(t.db);
    await setClientLimit(f.providerId, 2);
    const other = { ...f, serviceId: await addService(t.db, f.providerId) };
    await bookOk(f, at('2026-12-01T09:00:00+01:00'));
    const second = await bookOk(other, at('2026-12-02T09:00:00+01:00'));
    expect(await book(f, at('2026-12-03T09:00:00+01:00'))).toEqual({
      ok: false,
      code: 'LIMIT_REACHED',
      limit: 'CLIENT_ACTIVE',
      max: 2,
    });
    // Another client is not held back, and the limited one sees no slots.
    await bookOk(
      { ...f, clientId: await addClient(t.db, 'Other') },
      at('2026-12-03T09:00:00+01:00'),
    );
    expect(await slotStarts(f, '2026-12-01', 5, NOW, f.clientId)).toEqual([]);
    expect((await slotStarts(f, '2026-12-01', 5)).length).toBeGreaterThan(0);
    // A cancellation frees a place.
    await cancelAppointment(
      t.db,
      { appointmentId: second, by: 'CLIENT', actor: 'admin', reason: null },
      NOW,
    );
    await bookOk(f, at('2026-12-04T09:00:00+01:00'));
  });

  it('bookings that have started no longer count', async () => {
    const f = await createFixture(t.db);
    await setClientLimit(f.providerId, 1);
    await bookOk(f, at('2026-12-01T09:00:00+01:00'));
    expect((await book(f, at('2026-12-02T09:00:00+01:00'))).ok).toBe(false);
    // A day later the first booking lies in the past.
    await bookOk(f, at('2026-12-03T09:00:00+01:00'), at('2026-12-01T12:00:00+01:00'));
  });

  it('a reschedule does not count the booking being moved', async () => {
    const f = await createFixture(t.db);
    await setClientLimit(f.providerId, 1);
    const id = await bookOk(f, at('2026-12-01T09:00:00+01:00'));
    const moved = await rescheduleAppointment(
      t.db,
      { appointmentId: id, newStart: at('2026-12-02T10:00:00+01:00'), actor: 'admin' },
      NOW,
    );
    expect(moved.ok).toBe(true);
  });
});

describe('open waitlist offers', () => {
  async function offer(f: Fixture, start: string, expiresAt: Date) {
    const entry = await t.pool.query<{ id: string }>(
      `insert into waitlist_entries (client_id, provider_id, service_id, timezone, from_date, to_date)
       values ($1, $2, $3, 'Europe/Berlin', '2026-12-01', '2026-12-05') returning id`,
      [f.clientId, f.providerId, f.serviceId],
    );
    await t.pool.query(
      `insert into waitlist_offers (entry_id, client_id, provider_id, service_id, start_time, blocked_until, expires_at)
       values ($1, $2, $3, $4, $5::timestamptz, $5::timestamptz + interval '1 hour', $6)`,
      [entry.rows[0]?.id, f.clientId, f.providerId, f.serviceId, start, expiresAt],
    );
  }

  it('hold their time for the offered client alone until they expire', async () => {
    const f = await createFixture(t.db);
    const offered = { ...f, clientId: await addClient(t.db, 'Offered') };
    const start = '2026-12-02T10:00:00+01:00';
    await offer(offered, start, new Date(NOW.getTime() + 3_600_000));
    expect(await book(f, at(start))).toMatchObject({ ok: false, code: 'SLOT_TAKEN' });
    expect(await slotStarts(f, '2026-12-02', 1)).not.toContain(at(start).toISOString());
    expect(await slotStarts(offered, '2026-12-02', 1, NOW, offered.clientId)).toContain(
      at(start).toISOString(),
    );
    // Expired, the offer holds nothing.
    const later = new Date(NOW.getTime() + 2 * 3_600_000);
    expect(await slotStarts(f, '2026-12-02', 1, later)).toContain(at(start).toISOString());
    await bookOk(offered, at(start));
  });

  it('an expired offer does not block anyone', async () => {
    const f = await createFixture(t.db);
    const offered = { ...f, clientId: await addClient(t.db, 'Late') };
    await offer(offered, '2026-12-03T10:00:00+01:00', new Date(NOW.getTime() - 1000));
    await bookOk(f, at('2026-12-03T10:00:00+01:00'));
  });
});
