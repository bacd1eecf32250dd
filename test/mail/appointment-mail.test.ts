// Each appointment mail: the recipient's clock, the right invite, the words that matter.
import { describe, expect, it } from 'vitest';
import { appointmentMail } from '../../src/mail/appointment-mail.ts';
import {
  APPOINTMENT_MAIL_KINDS,
  type AppointmentMailKind,
} from '../../src/mail/appointment-mail-view.ts';
import { en, mailView, readInvite } from './mail-fixtures.ts';

const INVITES: Record<AppointmentMailKind, 'REQUEST' | 'CANCEL' | null> = {
  confirmation: 'REQUEST',
  'request-received': null,
  approved: 'REQUEST',
  declined: 'CANCEL',
  cancelled: 'CANCEL',
  rescheduled: 'REQUEST',
  'no-show': null,
  'hold-expired': null,
  refunded: null,
  'refund-failed': null,
};

describe('appointmentMail', () => {
  it.each(APPOINTMENT_MAIL_KINDS)('%s goes to the client with the right invite', (kind) => {
    const mail = appointmentMail(en, kind, mailView({ sequence: 2 }));
    expect(mail.to).toBe('bob@example.com');
    expect(mail.text).toMatch(/^Hi Bob,\n/);
    expect(mail.text).toContain('Tue 1 Dec 2026, 15:00–16:00 (Berlin time)');
    expect(mail.subject).toContain('Haircut with Ana Ruiz, ');
    expect(mail.invite?.method ?? null).toBe(INVITES[kind]);
    if (mail.invite) expect(readInvite(mail.invite.content).method).toBe(INVITES[kind]);
  });

  it('shows the time in the client zone on both sides of a DST change', () => {
    // 29 Mar 2026: London moves from GMT to BST at 01:00 UTC.
    const before = appointmentMail(
      en,
      'confirmation',
      mailView({
        client: { name: 'Bob', email: 'bob@example.com', timezone: 'Europe/London' },
        start: new Date('2026-03-28T09:00:00Z'),
        end: new Date('2026-03-28T10:00:00Z'),
      }),
    );
    const after = appointmentMail(
      en,
      'confirmation',
      mailView({
        client: { name: 'Bob', email: 'bob@example.com', timezone: 'Europe/London' },
        start: new Date('2026-03-30T09:00:00Z'),
        end: new Date('2026-03-30T10:00:00Z'),
      }),
    );
    expect(before.text).toContain('Sat 28 Mar 2026, 09:00–10:00 (London time)');
    expect(after.text).toContain('Mon 30 Mar 2026, 10:00–11:00 (London time)');
  });

  it('shows the time in a half-hour zone, with the end on its own day past midnight', () => {
    const mail = appointmentMail(
      en,
      'request-received',
      mailView({
        client: { name: 'Bob', email: 'bob@example.com', timezone: 'Australia/Adelaide' },
        start: new Date('2026-12-01T13:00:00Z'), // 23:30 ACDT (+10:30)
        end: new Date('2026-12-01T14:00:00Z'),
      }),
    );
    expect(mail.text).toContain('Tue 1 Dec 2026, 23:30–Wed 2 Dec 2026, 00:30 (Adelaide time)');
    expect(mail.subject).toBe('Request sent: Haircut with Ana Ruiz, Tue 1 Dec, 23:30');
  });

  it('tells the old and the new time of a move, and the invite carries the new one', () => {
    const mail = appointmentMail(
      en,
      'rescheduled',
      mailView({ sequence: 1, previousStart: new Date('2026-11-30T09:00:00Z') }),
    );
    expect(mail.text).toContain('It was: Mon 30 Nov 2026, 10:00–11:00 (Berlin time)');
    expect(mail.text).toContain('Tue 1 Dec 2026, 15:00–16:00 (Berlin time)');
    const { event } = readInvite(mail.invite?.content ?? '');
    expect(event.start.toISOString()).toBe('2026-12-01T14:00:00.000Z');
    expect(Number(event.sequence)).toBe(1);
  });

  it('gives the reason and the refund words on a cancel, the reason on a decline', () => {
    const view = mailView({ reason: 'Ill today', refundWords: 'You will get a full refund.' });
    const cancelled = appointmentMail(en, 'cancelled', view);
    expect(cancelled.text).toContain('Reason: Ill today');
    expect(cancelled.text).toContain('You will get a full refund.');
    expect(cancelled.text).not.toContain('invite is attached');
    const declined = appointmentMail(en, 'declined', view);
    expect(declined.text).toContain('Ana Ruiz declined your request.');
    expect(declined.text).toContain('Reason: Ill today');
    expect(declined.text).not.toContain('refund');
  });

  it('gives the meeting link to join, in the text and the invite', () => {
    const mail = appointmentMail(
      en,
      'approved',
      mailView({ meetingLink: 'https://meet.example.com/q' }),
    );
    expect(mail.text).toContain('Join: https://meet.example.com/q');
    expect(mail.invite?.content).toContain('LOCATION:https://meet.example.com/q');
  });

  it('says a pending request is not confirmed and sends no invite', () => {
    const mail = appointmentMail(en, 'request-received', mailView());
    expect(mail.text).toContain('It is not confirmed yet.');
    expect(mail.invite).toBeNull();
  });

  it('explains a no-show with its consequences and sends no invite', () => {
    const consequences = ['Its price is still due.', 'Until 3 Jan 2027 you can book...'];
    const mail = appointmentMail(en, 'no-show', mailView({ consequences }));
    expect(mail.subject).toBe('Missed: Haircut with Ana Ruiz, Tue 1 Dec, 15:00');
    expect(mail.text).toContain('Ana Ruiz marked you as not attending this appointment.');
    for (const line of consequences) expect(mail.text).toContain(line);
    expect(mail.invite).toBeNull();
  });

  it('tells of a released hold, a refund and a failed refund with the amount and a way on', () => {
    const released = appointmentMail(en, 'hold-expired', mailView({ money: '€50.00' }));
    expect(released.subject).toBe('Released: Haircut with Ana Ruiz, Tue 1 Dec, 15:00');
    expect(released.text).toContain('Your payment of €50.00 did not arrive in time');
    expect(released.text).toContain('You are welcome to book another time.');
    const refunded = appointmentMail(en, 'refunded', mailView({ money: '€50.00' }));
    expect(refunded.subject).toBe('Refunded: Haircut with Ana Ruiz, Tue 1 Dec, 15:00');
    expect(refunded.text).toContain('We refunded €50.00 for this appointment.');
    const failed = appointmentMail(en, 'refund-failed', mailView({ money: '€50.00' }));
    expect(failed.text).toContain('could not refund the €50.00 you paid');
    expect(failed.text).toContain('Ana Ruiz will be in touch to pay it back.');
    expect(failed.text).toContain('write to them at bookings@slotline.test');
    for (const mail of [released, refunded, failed]) expect(mail.invite).toBeNull();
  });
});
