// The offer DM and mail read the times on the client's clock and carry Book / No thanks.
import { describe, expect, it } from 'vitest';
import {
  waitlistOfferMailText,
  waitlistOfferMessage,
} from '../../src/chat/waitlist-offer-message.ts';
import type { OfferView } from '../../src/waitlist/read-offer-view.ts';

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
};

describe('waitlistOfferMessage', () => {
  it.each([
    ['Europe/Berlin', 'Tue 8 Dec 10:00', '18:12'],
    ['America/New_York', 'Tue 8 Dec 04:00', '12:12'],
    ['Pacific/Auckland', 'Tue 8 Dec 22:00', '06:12'],
  ])('in %s: %s, kept until %s', (zone, when, until) => {
    const message = waitlistOfferMessage({ ...view, clientTimezone: zone });
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
    const mail = waitlistOfferMailText(view);
    expect(mail.subject).toBe('A time opened: Tue 8 Dec 10:00 with Dr Anna Berg');
    expect(mail.text).toContain('It is kept for you until 18:12.');
  });
});
