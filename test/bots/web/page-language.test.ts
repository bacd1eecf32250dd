// The web chat page speaks the browser's language: ?lang= first, then Accept-Language by q-value.
import { describe, expect, it } from 'vitest';
import { pageLanguage } from '../../../bots/web/page-language.ts';
import { renderChatPage } from '../../../bots/web/render-chat-page.ts';
import { DEMO_CLIENT_ID, type Persona } from '../../../bots/web/web-personas.ts';
import { translatorFor } from '../../../src/i18n/translator.ts';

describe('pageLanguage', () => {
  it.each([
    [undefined, 'de-DE,de;q=0.9,en;q=0.8', 'de'],
    [undefined, 'en-US,en;q=0.9,de;q=0.8', 'en'],
    [undefined, 'fr-FR,fr;q=0.9,de;q=0.5', 'de'],
    [undefined, 'en;q=0.4,de;q=0.7', 'de'],
    [undefined, 'de;q=0', 'en'],
    [undefined, 'fr', 'en'],
    [undefined, undefined, 'en'],
    ['de', 'en-GB', 'de'],
    ['xx', 'de-AT', 'de'],
  ] as const)('lang=%s, Accept-Language %s: %s', (lang, header, expected) => {
    expect(pageLanguage(lang, header)).toBe(expected);
  });
});

describe('renderChatPage', () => {
  const personas: Persona[] = [
    { kind: 'client', id: DEMO_CLIENT_ID, displayName: 'Demo Client' },
    { kind: 'provider', id: 'provider-1', displayName: 'Anna <Weber>', providerId: '1' },
  ];

  it.each(['en', 'de'] as const)('renders every text of the page in %s', (lang) => {
    const t = translatorFor(lang);
    const html = renderChatPage(t, personas);
    expect(html).toContain(`<html lang="${lang}">`);
    for (const key of ['web.title', 'web.newClient', 'web.send', 'web.demoClient'] as const) {
      expect(html).toContain(t.t(key));
    }
    expect(html).toContain(`placeholder="${t.t('web.placeholder')}"`);
    expect(html).toContain(t.t('web.provider', { name: 'Anna &lt;Weber&gt;' }));
    expect(html).toContain(`data-guest-label="${t.t('web.guest', { id: '{id}' })}"`);
  });

  it('shows no English words to a German reader', () => {
    const html = renderChatPage(translatorFor('de'), personas);
    for (const english of ['New client', '>Send<', 'Talk as', 'Demo Client', 'Type a message']) {
      expect(html).not.toContain(english);
    }
  });
});
