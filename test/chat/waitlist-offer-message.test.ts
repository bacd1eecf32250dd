// The offer DM and mail read the times on the client's clock and carry Book / No thanks.
import { describe, expect, it } from 'vitest';
import {
  waitlistOfferMailText,
  waitlistOfferMessage,
} from '../../src/chat/waitlist-offer-message.ts';
import { translatorFor } from '../../src/i18n/translator.ts';
import type { OfferView } from '../../src/waitlist/read-offer-view.ts';

const en = translatorFor('en');
const de = translatorFor('de');

const view: OfferView = {
  offerId: '11111111-1111-4111-8111-111111111111',
  clientId: '22222222-2222-4222-8222-222222222222',
  status: 'OPEN',
  startTime: new Date('2026-12-08T09:00:00Z'),
  expiresAt: new Date('2026-12-06T17:12:00Z'),
  providerName: 'Dr Anna Berg',
  serviceName: 'Massage',
  durationMinutes: 60,
  clientTimezone: 'Europe/Berlin',
  clientName: 'Sam',
  clientEmail: 'sam@example.com',
  clientLanguage: null,
};

describe('waitlistOfferMessage', () => {
  it.each([
    ['Europe/Berlin', 'Tue 8 Dec 10:00', '18:12'],
    ['America/New_York', 'Tue 8 Dec 04:00', '12:12'],
    ['Pacific/Auckland', 'Tue 8 Dec 22:00', '06:12'],
  ])('in %s: %s, kept until %s', (zone, when, until) => {
    const message = waitlistOfferMessage(en, { ...view, clientTimezone: zone });
    expect(message.text.split('\n').slice(0, 2)).toEqual([
      `Good news: ${when} with Dr Anna Berg (Massage, 60 min) just opened.`,
      `It is kept for you until ${until} (${zone}). Book it?`,
    ]);
    expect(message.buttons).toEqual([
      [
        { label: 'Book', data: `wa:${view.offerId}`, style: 'primary' },
        { label: 'No thanks', data: `wp:${view.offerId}`, style: 'default' },
      ],
    ]);
  });

  it('the mail names the time, the provider and how to take it', () => {
    const mail = waitlistOfferMailText(en, view);
    expect(mail.subject).toBe('A time opened: Tue 8 Dec 10:00 with Dr Anna Berg');
    expect(mail.text).toContain('It is kept for you until 18:12.');
  });
});

describe('the offer in German', () => {
  it('reads the time, the kept-until clock and the buttons in German', () => {
    const message = waitlistOfferMessage(de, view);
    expect(message.text.split('\n').slice(0, 2)).toEqual([
      'Gute Nachricht: Di., 8. Dez., 10:00 Uhr bei Dr Anna Berg (Massage, 60 Min.) ist gerade frei geworden.',
      'Der Termin ist bis 18:12 Uhr (Europe/Berlin) für Sie reserviert. Buchen?',
    ]);
    expect(message.buttons.flat().map((b) => [b.label, b.data])).toEqual([
      ['Buchen', `wa:${view.offerId}`],
      ['Nein, danke', `wp:${view.offerId}`],
    ]);
  });

  it('the mail greets, names the time and says how to take it', () => {
    const mail = waitlistOfferMailText(de, view);
    expect(mail.subject).toBe(
      'Eine Zeit ist frei geworden: Di., 8. Dez., 10:00 Uhr bei Dr Anna Berg',
    );
    expect(mail.text.split('\n')[0]).toBe('Guten Tag Sam,');
    expect(mail.text).toContain('Di., 8. Dez., 10:00 Uhr (Zeit Berlin) bei Dr Anna Berg');
    expect(mail.text).toContain('bis 18:12 Uhr für Sie reserviert');
  });
});
