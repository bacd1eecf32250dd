// Mails in German: every kind's subject and words, the times and the invite in the reader's language.
import { describe, expect, it } from 'vitest';
import { appointmentMail } from '../../src/mail/appointment-mail.ts';
import {
  APPOINTMENT_MAIL_KINDS,
  type AppointmentMailKind,
} from '../../src/mail/appointment-mail-view.ts';
import { formatMailDate, formatMailShort, formatMailWhen } from '../../src/mail/mail-time.ts';
import { type ProviderMailKind, providerMail } from '../../src/mail/provider-mail.ts';
import { de, en, mailView, providerMailView, readInvite } from './mail-fixtures.ts';

/** Words only an English mail has: none may show in a German one. */
const ENGLISH = [/\bHi\b/, /\bwith\b/, /\btime\)/, /\bThe\b/, /\bYour\b/, /\bJoin:/];

function expectNoEnglish(text: string): void {
  for (const word of ENGLISH) expect(text).not.toMatch(word);
}

describe('mail times by language', () => {
  const start = new Date('2026-12-01T14:00:00Z');
  it.each([
    ['en', en, 'Tue 1 Dec 2026, 15:00–16:00 (Berlin time)', 'Tue 1 Dec, 15:00', '1 Dec 2026'],
    [
      'de',
      de,
      'Di., 1. Dez. 2026, 15:00–16:00 (Zeit Berlin)',
      'Di., 1. Dez., 15:00',
      '1. Dez. 2026',
    ],
  ])('reads in %s', (_, t, when, short, day) => {
    const end = new Date('2026-12-01T15:00:00Z');
    expect(formatMailWhen(t, start, end, 'Europe/Berlin')).toBe(when);
    expect(formatMailShort(t, start, 'Europe/Berlin')).toBe(short);
    expect(formatMailDate(t, start, 'Europe/Berlin')).toBe(day);
  });

  it('gives a German end on another day its own date', () => {
    const late = new Date('2026-12-01T13:00:00Z');
    const end = new Date('2026-12-01T14:00:00Z');
    expect(formatMailWhen(de, late, end, 'Australia/Adelaide')).toBe(
      'Di., 1. Dez. 2026, 23:30–Mi., 2. Dez. 2026, 00:30 (Zeit Adelaide)',
    );
  });
});

const CLIENT_WORDS: Record<AppointmentMailKind, readonly [subject: string, line: string]> = {
  confirmation: ['Gebucht:', 'Ihre Buchung ist bestätigt.'],
  'request-received': ['Anfrage gesendet:', 'Sie ist noch nicht bestätigt.'],
  approved: ['Bestätigt:', 'Ana Ruiz hat Ihre Buchung angenommen.'],
  declined: ['Abgelehnt:', 'Grund: Krank'],
  cancelled: ['Abgesagt:', 'Ihre Buchung wurde abgesagt.'],
  rescheduled: ['Verschoben:', 'Vorher: Mo., 30. Nov. 2026, 10:00–11:00 (Zeit Berlin)'],
  'no-show': [
    'Nicht erschienen:',
    'Ana Ruiz hat Sie bei diesem Termin als nicht erschienen vermerkt.',
  ],
  'hold-expired': ['Freigegeben:', 'Ihre Zahlung über 50,00 € ist nicht rechtzeitig eingegangen'],
  refunded: ['Erstattet:', 'Wir haben 50,00 € für diesen Termin erstattet.'],
  'refund-failed': ['Erstattung nicht abgeschlossen:', 'schreiben Sie bitte an bookings@'],
};

describe('appointmentMail in German', () => {
  const view = mailView({
    reason: 'Krank',
    money: '50,00 €',
    previousStart: new Date('2026-11-30T09:00:00Z'),
    meetingLink: 'https://meet.example.com/q',
  });

  it.each(APPOINTMENT_MAIL_KINDS)('%s: German subject, words, time and link', (kind) => {
    const [subject, line] = CLIENT_WORDS[kind];
    const mail = appointmentMail(de, kind, view);
    expect(mail.subject.startsWith(subject)).toBe(true);
    expect(mail.subject).toContain('Haircut bei Ana Ruiz, ');
    expect(mail.subject).toContain('Di., 1. Dez., 15:00');
    expect(mail.text).toMatch(/^Hallo Bob,\n/);
    expect(mail.text).toContain(line);
    expect(mail.text).toContain('Di., 1. Dez. 2026, 15:00–16:00 (Zeit Berlin)');
    expect(mail.text).toContain('Teilnehmen: https://meet.example.com/q');
    expectNoEnglish(`${mail.subject}\n${mail.text}`);
  });

  it('names the appointment in German in the invite, and says it is attached', () => {
    const mail = appointmentMail(de, 'confirmation', view);
    expect(mail.text).toContain('Die Kalendereinladung ist angehängt.');
    const { event } = readInvite(mail.invite?.content ?? '');
    expect(event.summary).toBe('Haircut bei Ana Ruiz');
    expect(String(event.description)).toContain('Teilnehmen: https://meet.example.com/q');
  });

  it('gives the same mail in English to an English reader', () => {
    const english = appointmentMail(en, 'confirmation', view);
    const german = appointmentMail(de, 'confirmation', view);
    expect(english.subject).not.toBe(german.subject);
    expect(english.text).toMatch(/^Hi Bob,\n/);
    expect(english.invite?.content).toContain('SUMMARY:Haircut with Ana Ruiz');
  });
});

describe('providerMail in German', () => {
  const view = providerMailView('Europe/Berlin', { reason: 'Grippe' });

  it.each<[ProviderMailKind, string, string]>([
    ['new-booking', 'Neue Buchung: Bob, Di., 1. Dez., 15:00', 'Bob hat bei Ihnen gebucht.'],
    ['approval-request', 'Bestätigung nötig: Bob, Di., 1. Dez., 15:00', 'Slotline-Chat'],
    ['cancelled-by-client', 'Abgesagt: Bob, Di., 1. Dez., 15:00', 'Grund: Grippe'],
    ['rescheduled', 'Verschoben: Bob, jetzt Di., 1. Dez., 15:00', 'Vorher: Mo., 30. Nov. 2026'],
  ])('%s: subject and words in German', (kind, subject, words) => {
    const mail = providerMail(de, kind, view);
    expect(mail.subject).toBe(subject);
    expect(mail.text).toMatch(/^Hallo Ana Ruiz,\n/);
    expect(mail.text).toContain('Haircut mit Bob');
    expect(mail.text).toContain('Di., 1. Dez. 2026, 15:00–16:00 (Zeit Berlin)');
    expect(mail.text).toContain(words);
    expectNoEnglish(`${mail.subject}\n${mail.text}`);
  });
});
