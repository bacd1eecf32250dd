// Which payment jobs each event starts: refunds, a hold's release at its end, closing a checkout.
import { describe, expect, it } from 'vitest';
import type { AppointmentEventType } from '../../src/domain/appointment-event-types.ts';
import { planPaymentJobs as payments } from '../../src/jobs/payment-plan.ts';
import { QUEUES } from '../../src/jobs/queues.ts';
import type { RelayedEvent } from '../../src/jobs/relayed-event.ts';

const HOLD_END = '2026-11-30T06:15:00.000Z';

function event(type: AppointmentEventType, more: Partial<RelayedEvent> = {}): RelayedEvent {
  return {
    id: 41,
    appointmentId: '7b0c2a8e-3f5d-4c1e-9a6b-2d4f8e1c3a5b',
    providerId: '22222222-2222-4222-8222-222222222222',
    type,
    actor: 'client:11111111-1111-4111-8111-111111111111',
    toStatus: 'CANCELLED',
    payload: {},
    createdAt: new Date('2026-11-30T06:00:00Z'),
    currentStart: new Date('2026-12-03T10:00:00Z'),
    ...more,
  };
}

const queues = (e: RelayedEvent) => payments(e).map((j) => j.queue);

describe('planPaymentJobs', () => {
  it.each<[string, RelayedEvent, string[]]>([
    ['a cancellation', event('CANCELLED', { fromStatus: 'CONFIRMED' }), [QUEUES.refunds]],
    [
      'a hold given up',
      event('CANCELLED', { fromStatus: 'AWAITING_PAYMENT' }),
      [QUEUES.refunds, QUEUES.holds],
    ],
    ['a decline', event('DECLINED'), [QUEUES.refunds]],
    ['a late payment', event('LATE_PAYMENT', { toStatus: 'CONFIRMED' }), [QUEUES.refunds]],
    ['a confirmed booking', event('BOOKED', { toStatus: 'CONFIRMED' }), []],
    ['a payment', event('PAID', { toStatus: 'CONFIRMED' }), []],
    ['a refund made', event('REFUNDED'), []],
    ['a no-show', event('NO_SHOW', { toStatus: 'NO_SHOW' }), []],
  ])('%s', (_, e, expected) => {
    expect(queues(e)).toEqual(expected);
  });

  it('releases an unpaid hold at its end, with an id from the event', () => {
    const booked = event('BOOKED', {
      toStatus: 'AWAITING_PAYMENT',
      payload: { hold_expires_at: HOLD_END },
    });
    const [job] = payments(booked);
    expect(job).toMatchObject({ queue: QUEUES.holds, startAfter: new Date(HOLD_END) });
    expect(payments(booked)[0]?.id).toBe(job?.id);
    expect(payments({ ...booked, id: 42 })[0]?.id).not.toBe(job?.id);
  });
});
