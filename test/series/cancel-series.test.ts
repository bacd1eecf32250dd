// cancelSeries and single changes of one occurrence on real PostgreSQL: future ones only, per occurrence.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { cancelAppointment } from '../../src/booking/cancel-appointment.ts';
import { rescheduleAppointment } from '../../src/booking/reschedule-appointment.ts';
import { appointmentEvents } from '../../src/db/schema/appointments.ts';
import { bookWholeSeries } from '../../src/series/book-series.ts';
import { cancelSeries } from '../../src/series/cancel-series.ts';
import { readSeries } from '../../src/series/read-series.ts';
import { payHold, refundsOf, storeOpenCheckout } from '../payments/refund-fixtures.ts';
import { createFixture, type Fixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { seriesRequest } from './series-test-requests.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

const now = MONDAY_MORNING; // Monday 2026-11-30 07:00 Berlin
const TUESDAY_10 = '2026-12-01T09:00:00.000Z';

async function bookFour(f: Fixture, holdMinutes: number | null = null) {
  const result = await bookWholeSeries(
    t.db,
    seriesRequest(f, TUESDAY_10, 4, { paymentHoldMinutes: holdMinutes }),
    now,
  );
  if (!result.ok) throw new Error(`series refused: ${result.code}`);
  return result.value;
}

const statuses = async (seriesId: string) => {
  const read = await readSeries(t.db, seriesId);
  if (!read.ok) throw new Error('series gone');
  return read.value.appointments.map((a) => a.status);
};

describe('cancelSeries', () => {
  it('cancels the future active occurrences only; past and already cancelled ones stay', async () => {
    const f = await createFixture(t.db);
    const { series, appointments } = await bookFour(f);
    const [, second, third] = appointments;
    if (!second || !third) throw new Error('four expected');
    const early = await cancelAppointment(
      t.db,
      { appointmentId: third.id, actor: 'admin', by: 'CLIENT', reason: 'away' },
      now,
    );
    expect(early.ok).toBe(true);
    // After the second occurrence has started (Tuesday 2026-12-08 11:00 Berlin).
    const later = new Date('2026-12-08T10:00:00Z');
    const result = await cancelSeries(
      t.db,
      { seriesId: series.id, actor: 'admin', by: 'PROVIDER', reason: 'moving away' },
      later,
    );
    if (!result.ok) throw new Error(result.code);
    expect(result.value.cancelled.map((a) => a.id)).toEqual([appointments[3]?.id]);
    expect(result.value.series.cancelledAt?.toISOString()).toBe(later.toISOString());
    expect(result.value.appointments.map((a) => a.status)).toEqual([
      'CONFIRMED',
      'CONFIRMED',
      'CANCELLED',
      'CANCELLED',
    ]);
    // The one cancelled before keeps who cancelled it and why.
    expect(result.value.appointments[2]).toMatchObject({
      cancelledBy: 'CLIENT',
      cancellationReason: 'away',
    });
    expect(result.value.appointments[3]).toMatchObject({
      cancelledBy: 'PROVIDER',
      cancellationReason: 'moving away',
    });
    const events = await t.db
      .select()
      .from(appointmentEvents)
      .where(eq(appointmentEvents.appointmentId, appointments[3]?.id ?? ''));
    expect(events.map((e) => e.type)).toEqual(['BOOKED', 'CANCELLED']);
  });

  it('is repeatable: a second call cancels nothing and keeps the first cancelled_at', async () => {
    const f = await createFixture(t.db);
    const { series } = await bookFour(f);
    const input = { seriesId: series.id, actor: 'admin', by: 'CLIENT', reason: null } as const;
    const first = await cancelSeries(t.db, input, now);
    const second = await cancelSeries(t.db, input, new Date(now.getTime() + 60_000));
    if (!first.ok || !second.ok) throw new Error('not found');
    expect(first.value.cancelled).toHaveLength(4);
    expect(second.value.cancelled).toEqual([]);
    expect(second.value.series.cancelledAt?.toISOString()).toBe(now.toISOString());
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    for (const seriesId of [randomUUID(), 'nope', '']) {
      expect(
        await cancelSeries(t.db, { seriesId, actor: 'admin', by: 'CLIENT', reason: null }, now),
      ).toEqual({ ok: false, code: 'NOT_FOUND', entity: 'series' });
    }
    expect(await readSeries(t.db, randomUUID())).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('applies the refund rules per occurrence: each paid one owes its own refund', async () => {
    const f = await createFixture(t.db, {
      service: { paymentMode: 'FULL', price: 4000, cancellationHours: 24 },
    });
    const { series, appointments } = await bookFour(f, 15);
    const [firstHold, ...otherHolds] = appointments;
    if (!firstHold) throw new Error('four expected');
    // The first three are paid; the fourth stays an unpaid hold.
    const paid = [firstHold, ...otherHolds.slice(0, 2)];
    for (const hold of paid) {
      const ids = { sessionId: `cs_${randomUUID()}`, paymentIntentId: `pi_${randomUUID()}` };
      await storeOpenCheckout(t, hold, ids.sessionId, now);
      await payHold(t, hold, ids, now);
    }
    // Monday 12:00 Berlin: the first is 22 h away (late, kept), the others are in time.
    const at = new Date('2026-11-30T11:00:00Z');
    const result = await cancelSeries(
      t.db,
      { seriesId: series.id, actor: 'admin', by: 'CLIENT', reason: null },
      at,
    );
    if (!result.ok) throw new Error(result.code);
    expect(result.value.appointments.map((a) => [a.status, a.refundStatus])).toEqual([
      ['CANCELLED', 'NO_REFUND'],
      ['CANCELLED', 'REFUND_DUE'],
      ['CANCELLED', 'REFUND_DUE'],
      ['CANCELLED', 'NONE'],
    ]);
    const owed = await Promise.all(appointments.map((a) => refundsOf(t, a.id)));
    expect(owed.map((o) => o.refunds.map((r) => [r.reason, r.amount]))).toEqual([
      [],
      [['CLIENT_CANCELLED', 4000]],
      [['CLIENT_CANCELLED', 4000]],
      [],
    ]);
  });
});

describe('one occurrence changed on its own', () => {
  it('cancelling one leaves the others and the series active', async () => {
    const f = await createFixture(t.db);
    const { series, appointments } = await bookFour(f);
    await cancelAppointment(
      t.db,
      { appointmentId: appointments[1]?.id ?? '', actor: 'admin', by: 'CLIENT', reason: null },
      now,
    );
    expect(await statuses(series.id)).toEqual(['CONFIRMED', 'CANCELLED', 'CONFIRMED', 'CONFIRMED']);
    const read = await readSeries(t.db, series.id);
    expect(read.ok && read.value.series.cancelledAt).toBeNull();
  });

  it('moving one keeps it in the series at its new time and leaves the others', async () => {
    const f = await createFixture(t.db);
    const { series, appointments } = await bookFour(f);
    const moved = await rescheduleAppointment(
      t.db,
      {
        appointmentId: appointments[2]?.id ?? '',
        newStart: new Date('2026-12-16T13:00:00Z'),
        actor: 'admin',
      },
      now,
    );
    expect(moved.ok && moved.value.seriesId).toBe(series.id);
    const read = await readSeries(t.db, series.id);
    if (!read.ok) throw new Error('series gone');
    expect(read.value.appointments.map((a) => [a.startTime.toISOString(), a.status])).toEqual([
      ['2026-12-01T09:00:00.000Z', 'CONFIRMED'],
      ['2026-12-08T09:00:00.000Z', 'CONFIRMED'],
      ['2026-12-16T13:00:00.000Z', 'CONFIRMED'],
      ['2026-12-22T09:00:00.000Z', 'CONFIRMED'],
    ]);
  });
});
