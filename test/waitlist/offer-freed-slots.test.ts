// A freed time goes to the first in line; a pass or a lapse sends it to the next.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../../src/booking/book-appointment.ts';
import { acceptOffer } from '../../src/waitlist/accept-offer.ts';
import { leaveWaitlist } from '../../src/waitlist/leave-waitlist.ts';
import { listWaitlist } from '../../src/waitlist/list-waitlist.ts';
import { offerFreedSlots } from '../../src/waitlist/offer-freed-slots.ts';
import { passOffer } from '../../src/waitlist/pass-offer.ts';
import { bookAsAdmin } from '../support/book-as-admin.ts';
import { MONDAY_MORNING } from '../support/fixtures.ts';
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
beforeAll(async () => {
  t = await createTestDatabase();
});

const now = MONDAY_MORNING;

const offerMinutes = 10;

async function offerStatus(offerId: string): Promise<string | undefined> {
  const { rows } = await t.pool.query<{ status: string }>(
    'select status from waitlist_offers where id = $1',
    [offerId],
  );
  return rows[0]?.status;
}

async function entryStatus(entryId: string): Promise<string | undefined> {
  const { rows } = await t.pool.query<{ status: string }>(
    'select status from waitlist_entries where id = $1',
    [entryId],
  );
  return rows[0]?.status;
}

/** A provider whose one Friday hour is booked, then freed; two people waiting. */
async function freedWithTwoWaiting() {
  const f = await oneSlotProvider(t.db);
  const booked = await bookForSomeone(t.db, f, FRIDAY_TEN, now);
  const first = await wait(t.db, f, now);
  const second = await wait(t.db, f, minutesAfter(now, 1));
  expect(await offerFreedSlots(t.db, { providerId: f.providerId, offerMinutes }, now)).toEqual([]);
  await cancel(t.db, booked, now);
  return { f, first, second };
}

describe('offerFreedSlots', () => {
  it('offers a freed slot to the first in line only, reserved until now + offer minutes', async () => {
    const { f, first } = await freedWithTwoWaiting();
    const offers = await offerFreedSlots(t.db, { providerId: f.providerId, offerMinutes }, now);
    expect(offers).toHaveLength(1);
    expect(offers[0]).toMatchObject({
      entryId: first.entryId,
      clientId: first.clientId,
      status: 'OPEN',
      startTime: FRIDAY_TEN,
      blockedUntil: minutesAfter(FRIDAY_TEN, 60),
      expiresAt: minutesAfter(now, offerMinutes),
    });
    // Running again makes no second offer.
    expect(await offerFreedSlots(t.db, { providerId: f.providerId, offerMinutes }, now)).toEqual(
      [],
    );
  });

  it('a pass sends it to the second, and never back to the first', async () => {
    const { f, first, second } = await freedWithTwoWaiting();
    const [offer] = await offerFreedSlots(t.db, { providerId: f.providerId, offerMinutes }, now);
    if (!offer) throw new Error('no offer');
    const later = minutesAfter(now, 2);
    expect(await passOffer(t.db, { offerId: offer.id, clientId: second.clientId }, later)).toEqual({
      ok: false,
      code: 'OFFER_ENDED',
    });
    expect(await passOffer(t.db, { offerId: offer.id, clientId: first.clientId }, later)).toEqual({
      ok: true,
      value: { providerId: f.providerId },
    });
    expect(await passOffer(t.db, { offerId: offer.id, clientId: first.clientId }, later)).toEqual({
      ok: false,
      code: 'OFFER_ENDED',
    });
    expect(await entryStatus(first.entryId)).toBe('WAITING');
    const next = await offerFreedSlots(t.db, { providerId: f.providerId, offerMinutes }, later);
    expect(next.map((o) => o.clientId)).toEqual([second.clientId]);
    // The second lets it lapse: nobody is left who has not had it.
    const lapsed = minutesAfter(later, offerMinutes);
    expect(await offerFreedSlots(t.db, { providerId: f.providerId, offerMinutes }, lapsed)).toEqual(
      [],
    );
    expect(await offerStatus(next[0]?.id ?? '')).toBe('EXPIRED');
  });

  it('someone who books the offered time through /book stops waiting; the offer is withdrawn', async () => {
    const { f, first, second } = await freedWithTwoWaiting();
    const [offer] = await offerFreedSlots(t.db, { providerId: f.providerId, offerMinutes }, now);
    const later = minutesAfter(now, 1);
    const own = await bookAppointment(
      t.db,
      {
        ...f,
        clientId: first.clientId,
        startTime: FRIDAY_TEN,
        notes: null,
        idempotencyKey: randomUUID(),
        actor: 'admin',
        paymentHoldMinutes: null,
      },
      later,
    );
    expect(own.ok).toBe(true);
    expect(await offerFreedSlots(t.db, { providerId: f.providerId, offerMinutes }, later)).toEqual(
      [],
    );
    expect(await entryStatus(first.entryId)).toBe('BOOKED');
    expect(await offerStatus(offer?.id ?? '')).toBe('WITHDRAWN');
    expect(await entryStatus(second.entryId)).toBe('WAITING');
  });

  it('an offer that runs out goes to the next in line', async () => {
    const { f, first, second } = await freedWithTwoWaiting();
    const [offer] = await offerFreedSlots(t.db, { providerId: f.providerId, offerMinutes }, now);
    const lapsed = minutesAfter(now, offerMinutes);
    const next = await offerFreedSlots(t.db, { providerId: f.providerId, offerMinutes }, lapsed);
    expect(await offerStatus(offer?.id ?? '')).toBe('EXPIRED');
    expect(next.map((o) => [o.clientId, o.startTime])).toEqual([[second.clientId, FRIDAY_TEN]]);
    // The first can still book it if it were free; it is held for the second now.
    const late = await acceptOffer(
      t.db,
      {
        offerId: offer?.id ?? '',
        clientId: first.clientId,
        actor: 'client:x',
        paymentHoldMinutes: null,
      },
      lapsed,
    );
    expect(late).toMatchObject({ ok: false, code: 'SLOT_TAKEN' });
  });

  it('accepting books the slot, marks the offer and the entry, and a repeat press replays', async () => {
    const { f, first } = await freedWithTwoWaiting();
    const [offer] = await offerFreedSlots(t.db, { providerId: f.providerId, offerMinutes }, now);
    if (!offer) throw new Error('no offer');
    const press = {
      offerId: offer.id,
      clientId: first.clientId,
      actor: `client:${first.clientId}`,
      paymentHoldMinutes: null,
    };
    const booked = await acceptOffer(t.db, press, minutesAfter(now, 1));
    expect(booked).toMatchObject({ ok: true, value: { replayed: false } });
    const again = await acceptOffer(t.db, press, minutesAfter(now, 2));
    expect(again).toMatchObject({ ok: true, value: { replayed: true } });
    if (!booked.ok || !again.ok) throw new Error('not booked');
    expect(again.value.appointment.id).toBe(booked.value.appointment.id);
    expect(booked.value.appointment.startTime).toEqual(FRIDAY_TEN);
    expect(await offerStatus(offer.id)).toBe('ACCEPTED');
    expect(await entryStatus(first.entryId)).toBe('BOOKED');
    expect(await listWaitlist(t.db, first.clientId, now)).toEqual([]);
    const stranger = await acceptOffer(t.db, { ...press, clientId: f.clientId }, now);
    expect(stranger).toEqual({ ok: false, code: 'OFFER_ENDED' });
  });

  it('leaving withdraws the open offer and the next in line gets it', async () => {
    const { f, first, second } = await freedWithTwoWaiting();
    const [offer] = await offerFreedSlots(t.db, { providerId: f.providerId, offerMinutes }, now);
    await leaveWaitlist(t.db, { clientId: first.clientId, entryId: first.entryId }, now);
    expect(await offerStatus(offer?.id ?? '')).toBe('WITHDRAWN');
    const next = await offerFreedSlots(t.db, { providerId: f.providerId, offerMinutes }, now);
    expect(next.map((o) => o.clientId)).toEqual([second.clientId]);
    const pressed = await acceptOffer(
      t.db,
      {
        offerId: offer?.id ?? '',
        clientId: first.clientId,
        actor: 'client:x',
        paymentHoldMinutes: null,
      },
      now,
    );
    expect(pressed).toEqual({ ok: false, code: 'OFFER_ENDED' });
  });

  it('an entry whose dates have passed expires', async () => {
    const f = await oneSlotProvider(t.db);
    const { entryId } = await wait(t.db, f, now, { fromDate: '2026-12-01', toDate: '2026-12-02' });
    // 2026-12-02 23:30 in Berlin: still waiting; 00:30 on 12-03: expired.
    await offerFreedSlots(
      t.db,
      { providerId: f.providerId, offerMinutes },
      new Date('2026-12-02T22:30:00Z'),
    );
    expect(await entryStatus(entryId)).toBe('WAITING');
    await offerFreedSlots(
      t.db,
      { providerId: f.providerId, offerMinutes },
      new Date('2026-12-02T23:30:00Z'),
    );
    expect(await entryStatus(entryId)).toBe('EXPIRED');
  });

  it('keeps to the part of the day on the client wall clock (New York)', async () => {
    // Berlin provider, Friday 09:00-17:00 and nothing booked: New York afternoon (12-17) is
    // Berlin 18:00-23:00, so only a New York morning (06-12 = Berlin 12-18) can be offered: 12:00.
    const f = await oneSlotProvider(t.db, [[4, '09:00', '17:00']]);
    const morning = await wait(t.db, f, now, {
      partOfDay: 'MORNING',
      timezone: 'America/New_York',
    });
    const afternoon = await wait(t.db, f, now, {
      partOfDay: 'AFTERNOON',
      timezone: 'America/New_York',
    });
    const evening = await wait(t.db, f, now, { partOfDay: 'EVENING', timezone: 'Europe/Berlin' });
    const offers = await offerFreedSlots(t.db, { providerId: f.providerId, offerMinutes }, now);
    expect(offers.map((o) => [o.clientId, o.startTime.toISOString()])).toEqual([
      [morning.clientId, '2026-12-04T11:00:00.000Z'],
    ]);
    expect([afternoon, evening].every((w) => !offers.some((o) => o.entryId === w.entryId))).toBe(
      true,
    );
  });

  it("skips a client the provider's per-client limit refuses; the next in line gets it", async () => {
    const f = await oneSlotProvider(t.db, [
      [0, '09:00', '10:00'],
      [4, '10:00', '11:00'],
    ]);
    await t.pool.query('update providers set max_active_bookings_per_client = 1 where id = $1', [
      f.providerId,
    ]);
    const booked = await bookForSomeone(t.db, f, FRIDAY_TEN, now);
    const first = await wait(t.db, f, now);
    const second = await wait(t.db, f, minutesAfter(now, 1));
    // The first already holds the provider's one allowed booking (Monday 7 Dec 09:00).
    const monday = new Date('2026-12-07T08:00:00Z');
    const held = await bookAsAdmin(t.db, { ...f, clientId: first.clientId }, monday, now);
    expect(held).toMatchObject({ ok: true });
    await cancel(t.db, booked, now);
    const offers = await offerFreedSlots(t.db, { providerId: f.providerId, offerMinutes }, now);
    expect(offers.map((o) => o.clientId)).toEqual([second.clientId]);
  });

  it('never keeps an offer past the start less the min notice', async () => {
    const f = await oneSlotProvider(t.db, [[0, '09:00', '10:00']]);
    await t.pool.query('update services set min_notice_minutes = 60 where id = $1', [f.serviceId]);
    // Monday 2026-11-30 07:50 Berlin: the 09:00 slot's notice ends at 08:00, 10 minutes away.
    const at = new Date('2026-11-30T06:50:00Z');
    await wait(t.db, f, at, { fromDate: '2026-11-30', toDate: '2026-11-30' });
    const [offer] = await offerFreedSlots(t.db, { providerId: f.providerId, offerMinutes: 30 }, at);
    expect(offer?.expiresAt).toEqual(new Date('2026-11-30T07:00:00Z'));
  });
});
