// Properties on real PostgreSQL: every offered slot books, and active appointments never overlap.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../../src/booking/book-appointment.ts';
import { cancelAppointment } from '../../src/booking/cancel-appointment.ts';
import { listSlots } from '../../src/booking/list-slots.ts';
import { availabilityOverrides } from '../../src/db/schema/availability.ts';
import { createFixture, type Fixture } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});

const now = new Date('2026-03-26T10:17:00Z'); // the week of Europe's spring DST change
const zones = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'];
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const scenario = fc.record({
  zone: fc.constantFrom(...zones),
  duration: fc.integer({ min: 10, max: 120 }),
  buffer: fc.integer({ min: 0, max: 30 }),
  interval: fc.option(fc.integer({ min: 5, max: 90 }), { nil: null }),
  minNotice: fc.integer({ min: 0, max: 600 }),
  windows: fc.array(
    fc.record({
      day: fc.integer({ min: 0, max: 6 }),
      start: fc.integer({ min: 0, max: 20 * 60 }),
      length: fc.integer({ min: 30, max: 240 }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  blockedDay: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  ops: fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('offered' as const), pick: fc.nat() }),
      fc.record({
        kind: fc.constant('random' as const),
        minutes: fc.integer({ min: 0, max: 7 * 24 * 12 }),
      }),
      fc.record({ kind: fc.constant('cancel' as const), pick: fc.nat() }),
    ),
    { minLength: 1, maxLength: 12 },
  ),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function nonOverlapping(windows: Scenario['windows']): [number, string, string][] {
  const byDay = new Map<number, [number, number][]>();
  for (const w of windows) {
    const end = Math.min(w.start + w.length, 24 * 60);
    const list = byDay.get(w.day) ?? [];
    if (list.every(([s, e]) => end <= s || w.start >= e)) list.push([w.start, end]);
    byDay.set(w.day, list);
  }
  return [...byDay].flatMap(([day, list]) =>
    list.map(([s, e]): [number, string, string] => [day, hhmm(s), hhmm(e)]),
  );
}

async function runScenario(s: Scenario): Promise<void> {
  const f: Fixture = await createFixture(t.db, {
    timezone: s.zone,
    windows: nonOverlapping(s.windows),
    service: {
      durationMinutes: s.duration,
      bufferTimeMinutes: s.buffer,
      slotIntervalMinutes: s.interval,
      minNoticeMinutes: s.minNotice,
      maxAdvanceDays: 10,
    },
  });
  if (s.blockedDay !== null) {
    await t.db.insert(availabilityOverrides).values({
      providerId: f.providerId,
      date: `2026-03-${27 + (s.blockedDay % 4)}`,
      isBlocked: true,
    });
  }
  const booked: string[] = [];
  for (const op of s.ops) {
    const listed = await listSlots(
      t.db,
      { providerId: f.providerId, serviceId: f.serviceId, from: '2026-03-25', days: 9 },
      now,
    );
    if (!listed.ok) throw new Error('listing failed');
    const slots = listed.value.slots;
    if (op.kind === 'cancel') {
      const id = booked[op.pick % Math.max(booked.length, 1)];
      if (id)
        await cancelAppointment(
          t.db,
          { appointmentId: id, by: 'CLIENT', actor: 'p', reason: null },
          now,
        );
      continue;
    }
    const start =
      op.kind === 'offered'
        ? slots[op.pick % Math.max(slots.length, 1)]?.start
        : now.getTime() + op.minutes * 5 * 60_000;
    if (start === undefined) continue;
    const result = await bookAppointment(
      t.db,
      {
        ...f,
        startTime: new Date(start),
        notes: null,
        idempotencyKey: randomUUID(),
        actor: 'p',
        paymentHoldMinutes: null,
      },
      now,
    );
    if (op.kind === 'offered') expect(result.ok ? 'OK' : result.code).toBe('OK');
    if (result.ok) booked.push(result.value.appointment.id);
    // A random start succeeds exactly when it was offered.
    if (op.kind === 'random') expect(result.ok).toBe(slots.some((x) => x.start === start));
  }
  const { rows } = await t.pool.query(
    `select 1 from appointments a join appointments b on a.provider_id = b.provider_id and a.id < b.id
      and tstzrange(a.start_time, a.blocked_until) && tstzrange(b.start_time, b.blocked_until)
      where a.provider_id = $1 and a.status in ('PENDING','CONFIRMED') and b.status in ('PENDING','CONFIRMED')`,
    [f.providerId],
  );
  expect(rows).toHaveLength(0);
}

describe('booking properties', () => {
  it('every offered slot books; a start books iff offered; active appointments never overlap', async () => {
    await fc.assert(fc.asyncProperty(scenario, runScenario), { numRuns: 40 });
  });
});
