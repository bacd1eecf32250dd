// The REST API nudges the outbox relay after every committed change, and only then.
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

describe('relayChanges', () => {
  it('is nudged for a new booking once, not for its replay', async () => {
    const s = await seedBookable(h);
    const before = h.nudges();
    await book(h, s, TUESDAY_9, { key: 'nudge-replay' });
    await book(h, s, TUESDAY_9, { key: 'nudge-replay' });
    expect(h.nudges() - before).toBe(1);
  });

  it('is nudged for approve, decline, cancel and reschedule', async () => {
    const a = await booked(TUESDAY_9, { requires_approval: true });
    const b = await booked('2026-12-01T10:00:00+01:00', { requires_approval: true });
    const c = await booked('2026-12-01T11:00:00+01:00');
    const d = await booked('2026-12-02T09:00:00+01:00');
    const before = h.nudges();
    await h.call('POST', `/api/appointments/${a.id}/approve`);
    await h.call('POST', `/api/appointments/${b.id}/decline`, { reason: 'On leave' });
    await h.call('POST', `/api/appointments/${c.id}/cancel`, { by: 'provider' });
    await h.call('POST', `/api/appointments/${d.id}/reschedule`, {
      start_time: '2026-12-02T14:00:00+01:00',
    });
    expect(h.nudges() - before).toBe(4);
  });

  it('is nudged for a no-show and a completion, but not for a refused change', async () => {
    const a = await booked('2026-12-03T09:00:00+01:00');
    const b = await booked('2026-12-03T10:00:00+01:00');
    h.setNow(new Date('2026-12-03T12:00:00Z'));
    const before = h.nudges();
    await h.call('POST', `/api/appointments/${a.id}/no-show`);
    await h.call('POST', `/api/appointments/${b.id}/complete`);
    const refused = await h.call('POST', `/api/appointments/${b.id}/approve`);
    expect(refused.status).toBe(409);
    expect(h.nudges() - before).toBe(2);
    h.setNow(NOW);
  });
});
