// A booking the committed state refuses is answered before any lock; everything else waits its turn at the provider's lock.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BookingRequest, bookAppointment } from '../../src/booking/book-appointment.ts';
import { createFixture, type Fixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
let holder: pg.Client;
beforeAll(async () => {
  t = await createTestDatabase();
  holder = new pg.Client({ connectionString: t.url });
  await holder.connect();
});
afterAll(() => holder.end());

const now = MONDAY_MORNING;
const NINE = '2026-11-30T09:00:00+01:00';
const TEN = '2026-11-30T10:00:00+01:00';

function request(f: Fixture, start: string, key = randomUUID()): BookingRequest {
  return {
    providerId: f.providerId,
    serviceId: f.serviceId,
    clientId: f.clientId,
    startTime: new Date(start),
    notes: null,
    idempotencyKey: key,
    actor: 'admin',
    paymentHoldMinutes: null,
  };
}

/** Holds the provider's booking lock in an open transaction, as a booking in flight does. */
async function holdProviderLock(providerId: string): Promise<() => Promise<void>> {
  await holder.query('begin');
  await holder.query(`select pg_advisory_xact_lock(hashtextextended('provider:' || $1, 0))`, [
    providerId,
  ]);
  return async () => {
    await holder.query('commit');
  };
}

/** Whether `work` settles within `ms` (it is left running otherwise). */
async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  const settled = await Promise.race([work.then(() => true as const), late]);
  clearTimeout(timer);
  return settled;
}

describe('a booking that finds its provider locked', () => {
  it('is refused SLOT_TAKEN at once when the committed state shows the slot taken', async () => {
    const f = await createFixture(t.db);
    expect((await bookAppointment(t.db, request(f, NINE), now)).ok).toBe(true);
    const release = await holdProviderLock(f.providerId);
    try {
      const loser = bookAppointment(t.db, request(f, NINE), now);
      expect(await settlesWithin(loser, 2_000)).toBe(true);
      expect(await loser).toMatchObject({ ok: false, code: 'SLOT_TAKEN' });
    } finally {
      await release();
    }
  });

  it('waits for the lock when the slot looks free, then books it', async () => {
    const f = await createFixture(t.db);
    const release = await holdProviderLock(f.providerId);
    const booking = bookAppointment(t.db, request(f, TEN), now);
    const waited = !(await settlesWithin(booking, 300));
    await release();
    expect(waited).toBe(true);
    expect((await booking).ok).toBe(true);
  });

  it('waits and replays a stored key, never answering SLOT_TAKEN for its own booking', async () => {
    const f = await createFixture(t.db);
    const key = randomUUID();
    const first = await bookAppointment(t.db, request(f, NINE, key), now);
    if (!first.ok) throw new Error('first booking refused');
    const release = await holdProviderLock(f.providerId);
    const replay = bookAppointment(t.db, request(f, NINE, key), now);
    const waited = !(await settlesWithin(replay, 300));
    await release();
    expect(waited).toBe(true);
    const replayed = await replay;
    expect(replayed.ok && replayed.value.replayed).toBe(true);
    expect(replayed.ok && replayed.value.appointment.id).toBe(first.value.appointment.id);
  });

  it('is refused at once for an unknown service, as the locked path would', async () => {
    const f = await createFixture(t.db);
    const release = await holdProviderLock(f.providerId);
    try {
      const refused = bookAppointment(t.db, { ...request(f, NINE), serviceId: randomUUID() }, now);
      expect(await settlesWithin(refused, 2_000)).toBe(true);
      expect(await refused).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    } finally {
      await release();
    }
  });

  it('judges what the lock holder committed, read after the lock was granted', async () => {
    // A blocked day has no constraint behind it: only a read taken after the lock refuses it.
    const f = await createFixture(t.db);
    const release = await holdProviderLock(f.providerId);
    const booking = bookAppointment(t.db, request(f, TEN), now);
    const waited = !(await settlesWithin(booking, 300));
    await holder.query(
      `insert into availability_overrides (provider_id, date, is_blocked) values ($1, '2026-11-30', true)`,
      [f.providerId],
    );
    await release();
    expect(waited).toBe(true);
    expect(await booking).toMatchObject({ ok: false, code: 'SLOT_UNAVAILABLE' });
  });

  it('waits for a booking in flight with the same key, then replays it', async () => {
    const f = await createFixture(t.db);
    const key = randomUUID();
    const [a, b] = await Promise.all([
      bookAppointment(t.db, request(f, NINE, key), now),
      bookAppointment(t.db, request(f, NINE, key), now),
    ]);
    expect(a.ok && b.ok).toBe(true);
    expect(a.ok && b.ok && a.value.appointment.id === b.value.appointment.id).toBe(true);
    expect([a.ok && a.value.replayed, b.ok && b.value.replayed].sort()).toEqual([false, true]);
  });
});
