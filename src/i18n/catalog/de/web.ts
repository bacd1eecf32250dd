// German: the web chat page's own texts (title, picker, composer, persona names, notices).
import type { CatalogPart } from '../catalog-types.ts';
import type { enWeb } from '../en/web.ts';

export const deWeb: CatalogPart<typeof enWeb> = {
  'web.title': 'Slotline Web-Chat',
  'web.chat': 'Web-Chat',
  'web.talkAs': 'Schreiben als',
  'web.persona': 'Person',
  'web.newClient': 'Neuer Kunde',
  'web.demoClient': 'Demo-Kunde',
  'web.guest': 'Gast {id}',
  'web.provider': 'Anbieter: {name}',
  'web.placeholder': 'Nachricht eingeben oder /help',
  'web.message': 'Nachricht',
  'web.send': 'Senden',
  'web.sendFailed': 'Senden fehlgeschlagen: {error}',
};
