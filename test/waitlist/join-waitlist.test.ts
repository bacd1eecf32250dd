// Joining, listing and leaving a waitlist: validation, no duplicates, someone else's entry.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { providers } from '../../src/db/schema/providers.ts';
import { type JoinRequest, joinWaitlist } from '../../src/waitlist/join-waitlist.ts';
import { leaveWaitlist } from '../../src/waitlist/leave-waitlist.ts';
import { listWaitlist } from '../../src/waitlist/list-waitlist.ts';
import { addClient, createFixture, type Fixture, MONDAY_MORNING } from '../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

let t: TestDatabase;
let f: Fixture;
beforeAll(async () => {
  t = await createTestDatabase();
  f = await createFixture(t.db);
});

// Monday 2026-11-30 07:00 in Berlin.
const now = MONDAY_MORNING;

function request(overrides: Partial<JoinRequest> = {}): JoinRequest {
  return {
    clientId: f.clientId,
    providerId: f.providerId,
    serviceId: f.serviceId,
    fromDate: '2026-12-04',
    toDate: '2026-12-04',
    partOfDay: 'MORNING',
    timezone: 'Europe/Berlin',
    ...overrides,
  };
}

describe('joinWaitlist', () => {
  it.each([
    [{ timezone: 'Mars/Olympus' }, 'timezone'],
    [{ fromDate: '2026-02-30' }, 'fromDate'],
    [{ toDate: 'friday' }, 'toDate'],
    [{ fromDate: '2026-11-29', toDate: '2026-11-29' }, 'toDate'],
    [{ fromDate: '2026-11-29', toDate: '2026-12-01' }, 'fromDate'],
    [{ fromDate: '2026-12-04', toDate: '2026-12-03' }, 'toDate'],
    [{ fromDate: '2026-12-01', toDate: '2027-02-02' }, 'toDate'],
    [{ partOfDay: 'NIGHT' as JoinRequest['partOfDay'] }, 'partOfDay'],
  ])('%o is VALIDATION_ERROR on %s', async (overrides, field) => {
    const result = await joinWaitlist(t.db, request(overrides), now);
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION_ERROR', details: { field } });
  });

  it('takes today in the client zone, 62 days at most', async () => {
    // 07:00 in Berlin is still 2026-11-29 in Los Angeles.
    const la = request({
      fromDate: '2026-11-29',
      toDate: '2027-01-30',
      timezone: 'America/Los_Angeles',
    });
    expect(await joinWaitlist(t.db, la, now)).toMatchObject({ ok: true });
  });

  it.each([
    [{ clientId: randomUUID() }, 'client'],
    [{ providerId: randomUUID() }, 'provider'],
    [{ serviceId: randomUUID() }, 'service'],
    [{ clientId: 'nope' }, 'client'],
  ])('%o is NOT_FOUND %s', async (overrides, entity) => {
    const result = await joinWaitlist(t.db, request(overrides), now);
    expect(result).toEqual({ ok: false, code: 'NOT_FOUND', entity });
  });

  it('an inactive provider is NOT_FOUND', async () => {
    const g = await createFixture(t.db);
    await t.db.update(providers).set({ isActive: false }).where(eq(providers.id, g.providerId));
    const result = await joinWaitlist(t.db, request(g), now);
    expect(result).toEqual({ ok: false, code: 'NOT_FOUND', entity: 'provider' });
  });

  it('asking twice at once gives one entry', async () => {
    const clientId = await addClient(t.db);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => joinWaitlist(t.db, request({ clientId }), now)),
    );
    const ids = new Set(results.map((r) => (r.ok ? r.value.id : r.code)));
    expect(ids.size).toBe(1);
    expect(await listWaitlist(t.db, clientId, now)).toHaveLength(1);
  });
});

describe('listWaitlist and leaveWaitlist', () => {
  it('lists waiting entries oldest first, not past ones, and leaves only your own', async () => {
    const clientId = await addClient(t.db);
    const other = await addClient(t.db);
    const first = await joinWaitlist(t.db, request({ clientId }), now);
    const later = new Date(now.getTime() + 1000);
    const second = await joinWaitlist(
      t.db,
      request({ clientId, fromDate: '2026-12-01', toDate: '2026-12-01', partOfDay: 'ANY' }),
      later,
    );
    if (!first.ok || !second.ok) throw new Error('join failed');
    expect((await listWaitlist(t.db, clientId, later)).map((e) => e.id)).toEqual([
      first.value.id,
      second.value.id,
    ]);
    // On 2026-12-02 the entry for 12-01 is past.
    const wednesday = new Date('2026-12-02T08:00:00Z');
    expect((await listWaitlist(t.db, clientId, wednesday)).map((e) => e.id)).toEqual([
      first.value.id,
    ]);
    const notYours = await leaveWaitlist(t.db, { clientId: other, entryId: first.value.id }, now);
    expect(notYours).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const left = await leaveWaitlist(t.db, { clientId, entryId: first.value.id }, now);
    expect(left).toEqual({ ok: true, value: { providerId: f.providerId } });
    const again = await leaveWaitlist(t.db, { clientId, entryId: first.value.id }, now);
    expect(again).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await listWaitlist(t.db, clientId, later)).map((e) => e.id)).toEqual([second.value.id]);
    expect(await listWaitlist(t.db, 'not-a-uuid', now)).toEqual([]);
  });
});
