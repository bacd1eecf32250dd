// German: the language messages.
import type { CatalogPart } from '../catalog-types.ts';
import type { enLanguage } from '../en/language.ts';

export const deLanguage: CatalogPart<typeof enLanguage> = {
  'language.description': 'Sprache wählen, in der ich mit Ihnen spreche',
  'language.help':
    '/language: die Sprache wählen, in der ich mit Ihnen spreche, z. B. /language en',
  'language.argument': 'Eine Sprache, z. B. English oder de',
  'language.hint': '[Sprache]',
  'language.current': 'Ich spreche {name} mit Ihnen. Wählen Sie eine Sprache:',
  'language.saved': 'Ich spreche jetzt {name} mit Ihnen.',
  'language.unknown': '„{typed}“ spreche ich nicht. Wählen Sie eine Sprache:',
};
