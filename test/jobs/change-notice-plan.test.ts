// Who hears of each change, by chat and by mail: the audience rules as a table.
import { describe, expect, it } from 'vitest';
import type { AppointmentEventType } from '../../src/domain/appointment-event-types.ts';
import { planChangeMail } from '../../src/jobs/change-mail-plan.ts';
import { planChangeNotices } from '../../src/jobs/change-notice-plan.ts';
import type { RelayedEvent } from '../../src/jobs/relayed-event.ts';

const ID = '7b0c2a8e-3f5d-4c1e-9a6b-2d4f8e1c3a5b';
const START = new Date('2026-12-03T10:00:00Z');
const CLIENT = 'client:11111111-1111-4111-8111-111111111111';
const PROVIDER = 'provider:22222222-2222-4222-8222-222222222222';
const PAYMENTS = 'system:payments';

function event(
  type: AppointmentEventType,
  actor: string,
  more: Partial<RelayedEvent> = {},
): RelayedEvent {
  return {
    id: 7,
    appointmentId: ID,
    providerId: '22222222-2222-4222-8222-222222222222',
    type,
    actor,
    toStatus: 'CONFIRMED',
    payload: {},
    createdAt: new Date('2026-11-30T10:00:00Z'),
    currentStart: START,
    ...more,
  };
}

const parties = (e: RelayedEvent) => planChangeNotices(e).map((j) => j.data.party);
const mails = (e: RelayedEvent) => {
  const plan = planChangeMail(e);
  return [plan.client?.data.kind ?? null, plan.provider?.data.kind ?? null];
};

describe('planChangeNotices and planChangeMail', () => {
  it.each<[string, RelayedEvent, string[], (string | null)[]]>([
    [
      'a client books in chat',
      event('BOOKED', CLIENT),
      ['provider'],
      ['confirmation', 'new-booking'],
    ],
    [
      'an admin books',
      event('BOOKED', 'admin'),
      ['provider', 'client'],
      ['confirmation', 'new-booking'],
    ],
    [
      'a client asks for approval',
      event('BOOKED', CLIENT, { toStatus: 'PENDING' }),
      ['provider'],
      ['request-received', 'approval-request'],
    ],
    ['the provider approves', event('APPROVED', PROVIDER), ['client'], ['approved', null]],
    ['an admin declines', event('DECLINED', 'admin'), ['client'], ['declined', null]],
    [
      'the client cancels',
      event('CANCELLED', CLIENT, { payload: { by: 'CLIENT' } }),
      ['provider'],
      ['cancelled', 'cancelled-by-client'],
    ],
    [
      'an admin cancels for the provider',
      event('CANCELLED', 'admin', { payload: { by: 'PROVIDER' } }),
      ['client'],
      ['cancelled', null],
    ],
    [
      'the client moves',
      event('RESCHEDULED', CLIENT),
      ['provider'],
      ['rescheduled', 'rescheduled'],
    ],
    ['the provider moves', event('RESCHEDULED', PROVIDER), ['client'], ['rescheduled', null]],
    [
      'an admin moves',
      event('RESCHEDULED', 'admin'),
      ['provider', 'client'],
      ['rescheduled', 'rescheduled'],
    ],
    ['a no-show', event('NO_SHOW', PROVIDER), ['client'], ['no-show', null]],
    ['a completion', event('COMPLETED', PROVIDER), [], [null, null]],
    ['a delivery failure', event('DELIVERY_FAILED', 'system:jobs'), [], [null, null]],
    [
      'an unpaid hold is booked',
      event('BOOKED', CLIENT, { toStatus: 'AWAITING_PAYMENT' }),
      [],
      [null, null],
    ],
    [
      'the client gives up an unpaid hold',
      event('CANCELLED', CLIENT, {
        fromStatus: 'AWAITING_PAYMENT',
        toStatus: 'CANCELLED',
        payload: { by: 'CLIENT' },
      }),
      [],
      [null, null],
    ],
    [
      'a hold runs out unpaid',
      event('HOLD_EXPIRED', PAYMENTS, { toStatus: 'CANCELLED' }),
      ['client'],
      ['hold-expired', null],
    ],
    ['a payment comes too late', event('LATE_PAYMENT', PAYMENTS), [], [null, null]],
    ['a refund is made', event('REFUNDED', PAYMENTS), ['client'], ['refunded', null]],
    ['a refund fails', event('REFUND_FAILED', PAYMENTS), ['client'], ['refund-failed', null]],
  ])('%s', (_, e, notified, mailKinds) => {
    expect(parties(e)).toEqual(notified);
    expect(mails(e)).toEqual(mailKinds);
  });

  it('gives each job an id from the event and party, the same on every relay', () => {
    const first = planChangeNotices(event('RESCHEDULED', 'admin'));
    const again = planChangeNotices(event('RESCHEDULED', 'admin'));
    const other = planChangeNotices(event('RESCHEDULED', 'admin', { id: 8 }));
    expect(first.map((j) => j.id)).toEqual(again.map((j) => j.id));
    expect(new Set([...first, ...other].map((j) => j.id)).size).toBe(4);
  });

  it('carries the start, previous start, reason and lockout the event recorded', () => {
    const [job] = planChangeNotices(
      event('NO_SHOW', PROVIDER, {
        payload: { lockout_until: '2027-01-03T00:00:00Z', reason: 42 },
      }),
    );
    expect(job?.data).toMatchObject({
      kind: 'no-show',
      startTime: START.toISOString(),
      previousStartTime: null,
      reason: null,
      lockoutUntil: '2027-01-03T00:00:00.000Z',
      actorParty: 'provider',
    });
  });

  it("carries a refund event's amount and currency to the notice and the mail", () => {
    const refunded = event('REFUNDED', PAYMENTS, {
      payload: { refund_id: 'r', amount: 2500, currency: 'EUR' },
    });
    const money = { amount: 2500, currency: 'EUR' };
    expect(planChangeNotices(refunded)[0]?.data.money).toEqual(money);
    expect(planChangeMail(refunded).client?.data.money).toEqual(money);
    expect(planChangeNotices(event('NO_SHOW', PROVIDER))[0]?.data).not.toHaveProperty('money');
  });
});
