// External events into blocked overrides: replaced when changed, cleared by a complete pull, conflicts found.
import { describe, expect, it } from 'vitest';
import { applyExternalEvents } from '../../src/calendars/apply-external-events.ts';
import type { ExternalEvent, PullResult } from '../../src/calendars/calendar-client.ts';
import { appointments } from '../../src/db/schema/appointments.ts';
import { createFixture } from '../support/fixtures.ts';
import { createTestDatabase } from '../support/test-database.ts';

const db = await createTestDatabase();

const event = (id: string, start: string, end: string, isBusy: boolean): ExternalEvent => ({
  externalEventId: id,
  removed: false,
  busy: isBusy,
  timing: { kind: 'timed', start: new Date(start), end: new Date(end) },
});
const busy = (id: string, start: string, end: string) => event(id, start, end, true);

async function apply(providerId: string, events: ExternalEvent[], complete = false) {
  const pulled: PullResult = { complete, events, cursor: null };
  return db.db.transaction((tx) =>
    applyExternalEvents(tx, { providerId, source: 'GOOGLE', zone: 'Europe/Berlin', pulled }),
  );
}

async function blocks(providerId: string) {
  const { rows } = await db.pool.query(
    `select external_event_id as id, date::text, start_time::text as s, end_time::text as e
     from availability_overrides where provider_id = $1 order by external_event_id, date`,
    [providerId],
  );
  return rows;
}

describe('applyExternalEvents', () => {
  it('blocks busy events in local time, replaces a moved one, and lifts removed and free ones', async () => {
    const { providerId } = await createFixture(db.db);
    await apply(providerId, [
      busy('a', '2026-12-03T09:00:00Z', '2026-12-03T10:00:00Z'),
      busy('b', '2026-12-04T09:00:00Z', '2026-12-04T10:00:00Z'),
    ]);
    expect(await blocks(providerId)).toEqual([
      { id: 'a', date: '2026-12-03', s: '10:00:00', e: '11:00:00' },
      { id: 'b', date: '2026-12-04', s: '10:00:00', e: '11:00:00' },
    ]);
    await apply(providerId, [
      busy('a', '2026-12-03T12:00:00Z', '2026-12-03T13:00:00Z'),
      { externalEventId: 'b', removed: true },
    ]);
    expect(await blocks(providerId)).toEqual([
      { id: 'a', date: '2026-12-03', s: '13:00:00', e: '14:00:00' },
    ]);
    await apply(providerId, [event('a', '2026-12-03T12:00:00Z', '2026-12-03T13:00:00Z', false)]);
    expect(await blocks(providerId)).toEqual([]);
  });

  it('clears blocks a complete pull no longer lists, and only that source', async () => {
    const { providerId } = await createFixture(db.db);
    await apply(providerId, [busy('old', '2026-12-05T09:00:00Z', '2026-12-05T10:00:00Z')]);
    await db.pool.query(
      `insert into availability_overrides (provider_id, date, is_blocked, source) values ($1, '2026-12-06', true, 'MANUAL')`,
      [providerId],
    );
    await apply(providerId, [busy('new', '2026-12-07T09:00:00Z', '2026-12-07T10:00:00Z')], true);
    const left = await blocks(providerId);
    expect(left.map((b) => b.id)).toEqual(['new', null]);
  });

  it('reports a changed busy event over an active appointment once, and never Slotline’s own event', async () => {
    const f = await createFixture(db.db);
    const [appointment] = await db.db
      .insert(appointments)
      .values({
        providerId: f.providerId,
        serviceId: f.serviceId,
        clientId: f.clientId,
        startTime: new Date('2026-12-08T09:00:00Z'),
        endTime: new Date('2026-12-08T10:00:00Z'),
        blockedUntil: new Date('2026-12-08T10:00:00Z'),
        status: 'CONFIRMED',
        price: 0,
        currency: 'EUR',
        externalEventId: 'mine',
      })
      .returning();
    const clash = busy('clash', '2026-12-08T09:30:00Z', '2026-12-08T10:30:00Z');
    expect(await apply(f.providerId, [clash])).toEqual([
      { appointmentId: appointment?.id, externalEventId: 'clash' },
    ]);
    // Unchanged on the next pull: not reported again.
    expect(await apply(f.providerId, [clash])).toEqual([]);
    expect(
      await apply(f.providerId, [busy('mine', '2026-12-08T09:00:00Z', '2026-12-08T10:00:00Z')]),
    ).toEqual([]);
  });
});
