// The REST API tells its listener about every committed change, so the other party hears of it.
import { beforeAll, describe, expect, it } from 'vitest';
import { book, createHarness, type Harness, json, NOW, seedBookable } from './app-harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});

const TUESDAY_9 = '2026-12-01T09:00:00+01:00';

async function booked(start: string, service: Record<string, unknown> = {}) {
  const s = await seedBookable(h, service);
  const appointment = await json(await book(h, s, start));
  return { s, id: appointment.id as string };
}

describe('onAppointmentChange', () => {
  it('reports a new booking once, not its replay', async () => {
    const s = await seedBookable(h);
    const before = h.changes.length;
    const first = await json(await book(h, s, TUESDAY_9, { key: 'listener-replay' }));
    await book(h, s, TUESDAY_9, { key: 'listener-replay' });
    expect(h.changes.slice(before)).toEqual([{ kind: 'booked', appointmentId: first.id }]);
  });

  it('reports approve, decline with its reason, and cancel with who cancelled', async () => {
    const a = await booked(TUESDAY_9, { requires_approval: true });
    const b = await booked('2026-12-01T10:00:00+01:00', { requires_approval: true });
    const c = await booked('2026-12-01T11:00:00+01:00');
    const before = h.changes.length;
    await h.call('POST', `/api/appointments/${a.id}/approve`);
    await h.call('POST', `/api/appointments/${b.id}/decline`, { reason: 'On leave' });
    await h.call('POST', `/api/appointments/${c.id}/cancel`, { by: 'provider' });
    expect(h.changes.slice(before)).toEqual([
      { kind: 'approved', appointmentId: a.id },
      { kind: 'declined', appointmentId: b.id, reason: 'On leave' },
      { kind: 'cancelled', appointmentId: c.id, by: 'PROVIDER' },
    ]);
  });

  it('reports a reschedule with the previous start', async () => {
    const a = await booked('2026-12-02T09:00:00+01:00');
    const before = h.changes.length;
    await h.call('POST', `/api/appointments/${a.id}/reschedule`, {
      start_time: '2026-12-02T14:00:00+01:00',
    });
    expect(h.changes.slice(before)).toEqual([
      { kind: 'rescheduled', appointmentId: a.id, previousStart: new Date('2026-12-02T08:00:00Z') },
    ]);
  });

  it('reports a no-show but not a completion, and nothing for a refused change', async () => {
    const a = await booked('2026-12-03T09:00:00+01:00');
    const b = await booked('2026-12-03T10:00:00+01:00');
    h.setNow(new Date('2026-12-03T12:00:00Z'));
    const before = h.changes.length;
    await h.call('POST', `/api/appointments/${a.id}/no-show`);
    await h.call('POST', `/api/appointments/${b.id}/complete`);
    const refused = await h.call('POST', `/api/appointments/${b.id}/approve`);
    expect(refused.status).toBe(409);
    expect(h.changes.slice(before)).toEqual([{ kind: 'no-show', appointmentId: a.id }]);
    h.setNow(NOW);
  });
});
