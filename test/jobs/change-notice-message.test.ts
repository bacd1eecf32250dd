// The words of each change notice, worded at the event's start, and stale requests left unsent.
import { describe, expect, it } from 'vitest';
import type { AppointmentView } from '../../src/chat/appointment-view.ts';
import type { AppointmentStatus } from '../../src/domain/appointment.ts';
import { translatorFor } from '../../src/i18n/translator.ts';
import { changeNoticeMessage } from '../../src/jobs/change-notice-message.ts';
import type { ChangeNoticePayload } from '../../src/jobs/job-payloads.ts';
import { reminderChatMessage, reminderEmail } from '../../src/jobs/reminder-messages.ts';

const ID = '7b0c2a8e-3f5d-4c1e-9a6b-2d4f8e1c3a5b';
const NOW_START = new Date('2026-12-03T15:00:00Z');
const en = translatorFor('en');
const de = translatorFor('de');

function view(status: AppointmentStatus): AppointmentView {
  return {
    appointment: {
      id: ID,
      providerId: 'p',
      clientId: 'c',
      serviceId: 's',
      startTime: NOW_START,
      endTime: new Date(NOW_START.getTime() + 3_600_000),
      blockedUntil: new Date(NOW_START.getTime() + 3_600_000),
      status,
      notes: null,
      meetingLink: null,
      price: 0,
      currency: 'EUR',
      amountDue: 0,
      holdExpiresAt: null,
      refundStatus: 'NONE',
      cancelledAt: null,
      cancelledBy: null,
      cancellationReason: null,
      externalEventId: null,
      seriesId: null,
      createdAt: NOW_START,
      updatedAt: NOW_START,
    },
    serviceName: 'Massage',
    durationMinutes: 60,
    cancellationHours: 24,
    providerName: 'Anna Weber',
    providerTimezone: 'Europe/Berlin',
    clientName: 'Sam',
    clientTimezone: 'Europe/London',
  };
}

function notice(more: Partial<ChangeNoticePayload>): ChangeNoticePayload {
  return {
    appointmentId: ID,
    eventId: 1,
    startTime: '2026-12-03T10:00:00.000Z',
    previousStartTime: null,
    reason: null,
    lockoutUntil: null,
    kind: 'booked',
    party: 'provider',
    bookedAs: 'PENDING',
    actorParty: 'client',
    ...more,
  };
}

describe('changeNoticeMessage', () => {
  it('asks the provider to approve a booking still waiting, at the start the event set', () => {
    const message = changeNoticeMessage(en, view('PENDING'), notice({}));
    expect(message?.text).toMatch(/^Booking request from Sam/);
    expect(message?.text).toContain('11:00');
    expect(message?.buttons.flat().map((b) => b.label)).toEqual(['Approve', 'Decline']);
  });

  it.each<AppointmentStatus>(['CONFIRMED', 'CANCELLED'])(
    'sends no approval request once the booking is %s',
    (status) => {
      expect(changeNoticeMessage(en, view(status), notice({}))).toBeNull();
    },
  );

  it.each<[Partial<ChangeNoticePayload>, RegExp]>([
    [{ bookedAs: 'CONFIRMED' }, /^New booking: Sam booked Massage/],
    [{ party: 'client', bookedAs: 'CONFIRMED' }, /^Booked: Massage with Anna Weber/],
    [{ kind: 'approved', party: 'client' }, /^Good news: Anna Weber approved/],
    [{ kind: 'declined', party: 'client', reason: 'Away' }, /Away/],
    [{ kind: 'cancelled', party: 'provider' }, /^Sam cancelled Massage/],
    [{ kind: 'cancelled', party: 'client' }, /^Anna Weber cancelled Massage/],
    [
      { kind: 'rescheduled', party: 'provider', previousStartTime: '2026-12-02T10:00:00Z' },
      /^Sam moved Massage from .*2 Dec/,
    ],
    [
      {
        kind: 'rescheduled',
        party: 'provider',
        actorParty: null,
        previousStartTime: '2026-12-02T10:00:00Z',
      },
      /^Sam's Massage moved from/,
    ],
    [
      { kind: 'no-show', party: 'client', lockoutUntil: '2027-01-03T00:00:00Z' },
      /Until 3 Jan 2027/,
    ],
  ])('%o reads %s', (more, expected) => {
    expect(changeNoticeMessage(en, view('CONFIRMED'), notice(more))?.text).toMatch(expected);
  });

  it('adds the join link to confirming notices of a virtual appointment, not to a cancel', () => {
    const link = 'https://meet.jit.si/slotline-abc';
    const v = view('CONFIRMED');
    const virtual = { ...v, appointment: { ...v.appointment, meetingLink: link } };
    const approved = changeNoticeMessage(
      en,
      virtual,
      notice({ kind: 'approved', party: 'client' }),
    );
    expect(approved?.text.endsWith(`\nJoin: ${link}`)).toBe(true);
    const booked = changeNoticeMessage(en, virtual, notice({ bookedAs: 'CONFIRMED' }));
    expect(booked?.text).toContain(`Join: ${link}`);
    const cancelled = {
      ...virtual,
      appointment: { ...virtual.appointment, status: 'CANCELLED' as const },
    };
    expect(
      changeNoticeMessage(en, cancelled, notice({ kind: 'cancelled', party: 'client' }))?.text,
    ).not.toContain('Join');
    expect(reminderChatMessage(en, virtual, 'reminder-1h', 'client').text).toContain(
      `Join: ${link}`,
    );
    expect(reminderEmail(en, virtual, 'reminder-48h', 'provider').text).toContain(`Join: ${link}`);
    expect(reminderChatMessage(en, view('CONFIRMED'), 'reminder-1h', 'client').text).not.toContain(
      'Join',
    );
  });
});

describe('changeNoticeMessage in German', () => {
  it('asks a German provider to approve, with German buttons and days', () => {
    const message = changeNoticeMessage(de, view('PENDING'), notice({}));
    expect(message?.text).toMatch(/^Buchungsanfrage von Sam/);
    expect(message?.text).toContain('Do., 3. Dez. 2026, 11:00–12:00');
    expect(message?.buttons.flat().map((b) => b.label)).toEqual(['Annehmen', 'Ablehnen']);
  });

  it.each<[Partial<ChangeNoticePayload>, RegExp]>([
    [{ kind: 'approved', party: 'client' }, /^Gute Nachricht: Anna Weber hat Ihre Buchung/],
    [{ kind: 'declined', party: 'client', reason: 'Urlaub' }, /abgelehnt\.\nGrund: Urlaub\n/],
    [{ kind: 'cancelled', party: 'provider' }, /^Sam hat Massage abgesagt/],
    [{ kind: 'cancelled', party: 'client' }, /^Anna Weber hat Massage am .* abgesagt\./],
    [
      { kind: 'rescheduled', party: 'provider', previousStartTime: '2026-12-02T10:00:00Z' },
      /^Sam hat Massage von Mi\., 2\. Dez\. 2026.* verschoben auf:/,
    ],
    [
      { kind: 'rescheduled', party: 'client', previousStartTime: '2026-12-02T10:00:00Z' },
      /^Ihr Termin Massage bei Anna Weber wurde von .* verschoben\./,
    ],
    [
      { kind: 'no-show', party: 'client', lockoutUntil: '2027-01-03T00:00:00Z' },
      /Bis zum 3\. Jan\. 2027 können Sie/,
    ],
  ])('%o reads %s', (more, expected) => {
    const text = changeNoticeMessage(de, view('CONFIRMED'), notice(more))?.text ?? '';
    expect(text).toMatch(expected);
    expect(text).not.toMatch(/ with | moved | cancelled /);
  });

  it.each<['reminder-48h' | 'reminder-1h', RegExp]>([
    ['reminder-48h', /^Erinnerung: in 2 Tagen\nMassage bei Anna Weber\n/],
    ['reminder-1h', /^Erinnerung: in 1 Stunde\nMassage bei Anna Weber\n/],
  ])('reminds a German client %s ahead', (kind, expected) => {
    expect(reminderChatMessage(de, view('CONFIRMED'), kind, 'client').text).toMatch(expected);
    const mail = reminderEmail(de, view('CONFIRMED'), kind, 'provider');
    expect(mail.subject).toMatch(/^Erinnerung: in .*: Massage bei Sam$/);
    expect(mail.text).toContain('automatische Erinnerung');
  });
});
