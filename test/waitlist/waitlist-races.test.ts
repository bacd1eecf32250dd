// Races: an offered slot is the offered client's alone, two accepts at once each get their own,
// and two app instances walking the line at once offer each slot once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../../src/booking/book-appointment.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { acceptOffer } from '../../src/waitlist/accept-offer.ts';
import { offerFreedSlots } from '../../src/waitlist/offer-freed-slots.ts';
import { addClient, type Fixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import {
  bookForSomeone,
  cancel,
  FRIDAY_TEN,
  minutesAfter,
  oneSlotProvider,
  wait,
} from './waitlist-support.ts';

let t: TestDatabase;
let second: DatabaseHandle;
beforeAll(async () => {
  t = await createTestDatabase();
  second = openDatabase(t.url);
});
afterAll(async () => {
  await second.close();
});

const now = MONDAY_MORNING;
const offerMinutes = 10;
const FRIDAY_ELEVEN = minutesAfter(FRIDAY_TEN, 60);

function bookAsStranger(f: Fixture, clientId: string, start: Date) {
  return bookAppointment(
    t.db,
    {
      ...f,
      clientId,
      startTime: start,
      notes: null,
      idempotencyKey: randomUUID(),
      actor: `client:${clientId}`,
      paymentHoldMinutes: null,
    },
    minutesAfter(now, 1),
  );
}

function accept(offerId: string, clientId: string) {
  const press = { offerId, clientId, actor: `client:${clientId}`, paymentHoldMinutes: null };
  return acceptOffer(t.db, press, minutesAfter(now, 1));
}

async function activeAt(providerId: string): Promise<{ client: string; start: string }[]> {
  const { rows } = await t.pool.query<{ client: string; start: Date }>(
    `select client_id as client, start_time as start from appointments
      where provider_id = $1 and status in ('AWAITING_PAYMENT', 'PENDING', 'CONFIRMED')
      order by start_time`,
    [providerId],
  );
  return rows.map((r) => ({ client: r.client, start: r.start.toISOString() }));
}

/** Booked slots at `starts`, freed again, and `waiting` people in line; returns them. */
async function freed(windows: [number, string, string][], starts: Date[], waiting: number) {
  const f = await oneSlotProvider(t.db, windows);
  const booked = [];
  for (const start of starts) booked.push(await bookForSomeone(t.db, f, start, now));
  const line = [];
  for (let i = 0; i < waiting; i++) line.push(await wait(t.db, f, minutesAfter(now, -60 + i)));
  for (const id of booked) await cancel(t.db, id, now);
  return { f, line };
}

describe('waitlist races', () => {
  it('100 presses of Book and 100 bookings by others at once: only the offered client wins', async () => {
    const { f, line } = await freed([[4, '10:00', '11:00']], [FRIDAY_TEN], 1);
    const [offer] = await offerFreedSlots(t.db, { providerId: f.providerId, offerMinutes }, now);
    const offered = line[0];
    if (!offer || !offered) throw new Error('no offer');
    const strangers = await Promise.all(Array.from({ length: 10 }, () => addClient(t.db)));
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => [
        accept(offer.id, offered.clientId),
        bookAsStranger(f, strangers[i % 10] ?? '', FRIDAY_TEN),
      ]).flat(),
    );
    const accepted = results.filter((_, i) => i % 2 === 0);
    const others = results.filter((_, i) => i % 2 === 1);
    expect(accepted.every((r) => r.ok)).toBe(true);
    const ids = new Set(accepted.map((r) => (r.ok ? r.value.appointment.id : null)));
    expect(ids.size).toBe(1);
    expect(new Set(others.map((r) => (r.ok ? 'OK' : r.code)))).toEqual(new Set(['SLOT_TAKEN']));
    expect(await activeAt(f.providerId)).toEqual([
      { client: offered.clientId, start: FRIDAY_TEN.toISOString() },
    ]);
  });

  it('two offers on two freed slots accepted at once while others book them: each gets their own', async () => {
    const { f, line } = await freed([[4, '10:00', '12:00']], [FRIDAY_TEN, FRIDAY_ELEVEN], 2);
    const offers = await offerFreedSlots(t.db, { providerId: f.providerId, offerMinutes }, now);
    const [a, b] = line;
    const [offerA, offerB] = offers;
    if (!a || !b || !offerA || !offerB) throw new Error('no offers');
    expect([offerA.clientId, offerB.clientId]).toEqual([a.clientId, b.clientId]);
    const stranger = await addClient(t.db);
    await Promise.all(
      Array.from({ length: 25 }, () => [
        accept(offerA.id, a.clientId),
        accept(offerB.id, b.clientId),
        bookAsStranger(f, stranger, FRIDAY_TEN),
        bookAsStranger(f, stranger, FRIDAY_ELEVEN),
      ]).flat(),
    );
    expect(await activeAt(f.providerId)).toEqual([
      { client: a.clientId, start: FRIDAY_TEN.toISOString() },
      { client: b.clientId, start: FRIDAY_ELEVEN.toISOString() },
    ]);
  });

  it('two instances walking the line at once offer each slot once, in line order', async () => {
    const starts = [0, 1, 2].map((h) => minutesAfter(FRIDAY_TEN, 60 * h));
    const { f, line } = await freed([[4, '10:00', '13:00']], starts, 5);
    const input = { providerId: f.providerId, offerMinutes };
    const rounds = await Promise.all(
      Array.from({ length: 20 }, (_, i) => offerFreedSlots(i % 2 ? second.db : t.db, input, now)),
    );
    const offers = rounds.flat();
    expect(offers.map((o) => o.startTime.toISOString()).sort()).toEqual(
      starts.map((s) => s.toISOString()),
    );
    expect(new Set(offers.map((o) => o.clientId))).toEqual(
      new Set(line.slice(0, 3).map((w) => w.clientId)),
    );
    const { rows } = await t.pool.query<{ n: number }>(
      `select count(*)::int as n from waitlist_offers where provider_id = $1`,
      [f.providerId],
    );
    expect(rows[0]?.n).toBe(3);
  });
});
