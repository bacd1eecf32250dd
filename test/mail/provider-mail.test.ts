// The provider's mails: who did what, in the provider's own clock, with no invite.
import { describe, expect, it } from 'vitest';
import { type ProviderMailKind, providerMail } from '../../src/mail/provider-mail.ts';
import { en, providerMailView } from './mail-fixtures.ts';

/** Tue 1 Dec 2026 14:00-15:00 UTC: 09:00-10:00 in New York. */
const VIEW = providerMailView('America/New_York', { reason: 'Flu' });

describe('providerMail', () => {
  it.each<[ProviderMailKind, string, string]>([
    ['new-booking', 'New booking: Bob, Tue 1 Dec, 09:00', 'Bob booked with you.'],
    ['approval-request', 'Approval needed: Bob, Tue 1 Dec, 09:00', 'waits for your approval'],
    ['cancelled-by-client', 'Cancelled: Bob, Tue 1 Dec, 09:00', 'Reason: Flu'],
    ['rescheduled', 'Moved: Bob, now Tue 1 Dec, 09:00', 'It was: Mon 30 Nov 2026, 09:00–10:00'],
  ])('%s: subject and words in the provider zone', (kind, subject, words) => {
    const mail = providerMail(en, kind, VIEW);
    expect(mail.to).toBe('ana@example.com');
    expect(mail.subject).toBe(subject);
    expect(mail.text).toContain('Hi Ana Ruiz,');
    expect(mail.text).toContain('Tue 1 Dec 2026, 09:00–10:00 (New York time)');
    expect(mail.text).toContain(words);
    expect(mail.invite).toBeNull();
  });

  it('gives the join link of a virtual appointment and leaves out a missing reason', () => {
    const mail = providerMail(en, 'cancelled-by-client', {
      ...VIEW,
      reason: null,
      meetingLink: 'https://meet.example.com/x',
    });
    expect(mail.text).toContain('Join: https://meet.example.com/x');
    expect(mail.text).not.toContain('Reason');
  });
});
