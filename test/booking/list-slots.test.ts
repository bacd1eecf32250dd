// listSlots on real PostgreSQL: what the engine offers once appointments and overrides are stored.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../../src/booking/book-appointment.ts';
import { listSlots } from '../../src/booking/list-slots.ts';
import { availabilityOverrides } from '../../src/db/schema/availability.ts';
import { createFixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

const local = (ms: number, zone: string) => DateTime.fromMillis(ms, { zone }).toFormat('HH:mm');

describe('listSlots', () => {
  it('drops booked and blocked times and keeps the rest', async () => {
    const f = await createFixture(t.db, { windows: [[1, '09:00', '13:00']] });
    await t.db.insert(availabilityOverrides).values({
      providerId: f.providerId,
      date: '2026-12-01',
      startTime: '12:00',
      endTime: '13:00',
      isBlocked: true,
    });
    await bookAppointment(
      t.db,
      {
        ...f,
        startTime: new Date('2026-12-01T10:00:00+01:00'),
        notes: null,
        idempotencyKey: randomUUID(),
        actor: 'a',
        paymentHoldMinutes: null,
      },
      MONDAY_MORNING,
    );
    const r = await listSlots(
      t.db,
      { providerId: f.providerId, serviceId: f.serviceId, from: '2026-12-01', days: 1 },
      MONDAY_MORNING,
    );
    expect(r.ok && r.value.timezone).toBe('Europe/Berlin');
    expect(r.ok && r.value.slots.map((s) => local(s.start, f.timezone))).toEqual([
      '09:00',
      '11:00',
    ]);
  });

  it('says why days have no slots: past, blocked, beyond max advance and closed', async () => {
    const f = await createFixture(t.db, { service: { maxAdvanceDays: 3 } });
    await t.db
      .insert(availabilityOverrides)
      .values({ providerId: f.providerId, date: '2026-12-01', isBlocked: true });
    const r = await listSlots(
      t.db,
      { providerId: f.providerId, serviceId: f.serviceId, from: '2026-11-29', days: 7 },
      MONDAY_MORNING,
    );
    const latest = new Date(MONDAY_MORNING.getTime() + 3 * 86_400_000).getTime();
    const tooFar = { reason: 'TOO_FAR_AHEAD', maxAdvanceDays: 3, latest };
    expect(r.ok && r.value.closed).toEqual([
      { date: '2026-11-29', why: { reason: 'IN_THE_PAST' } },
      { date: '2026-12-01', why: { reason: 'BLOCKED' } },
      // Max advance ends Thu 07:00, before its hours open.
      { date: '2026-12-03', why: tooFar },
      { date: '2026-12-04', why: tooFar },
      { date: '2026-12-05', why: tooFar },
    ]);
  });

  it.each([
    ['a malformed date', { from: '2026-13-01', days: 1 }],
    ['no date', { from: 'tomorrow', days: 1 }],
    ['zero days', { from: '2026-12-01', days: 0 }],
    ['63 days', { from: '2026-12-01', days: 63 }],
  ])('refuses %s with VALIDATION_ERROR', async (_label, range) => {
    const f = await createFixture(t.db);
    const r = await listSlots(
      t.db,
      { providerId: f.providerId, serviceId: f.serviceId, ...range },
      MONDAY_MORNING,
    );
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION_ERROR' });
  });

  it('answers NOT_FOUND for unknown or malformed ids', async () => {
    const f = await createFixture(t.db);
    const range = { from: '2026-12-01', days: 1 };
    expect(
      await listSlots(
        t.db,
        { ...range, providerId: randomUUID(), serviceId: f.serviceId },
        MONDAY_MORNING,
      ),
    ).toEqual({ ok: false, code: 'NOT_FOUND', entity: 'provider' });
    expect(
      await listSlots(
        t.db,
        { ...range, providerId: f.providerId, serviceId: 'bad' },
        MONDAY_MORNING,
      ),
    ).toEqual({ ok: false, code: 'NOT_FOUND', entity: 'service' });
  });
});
