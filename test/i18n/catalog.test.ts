// The catalog: every complete language has every English key and no other, every message is ICU
// with the same placeholders as its English one and renders, and a missing key reads in English.
import { describe, expect, it, vi } from 'vitest';
import { EN_MESSAGES, type MessageKey } from '../../src/i18n/catalog/en.ts';
import { CATALOGS } from '../../src/i18n/catalogs.ts';
import { LANGUAGE_CODES, LANGUAGES } from '../../src/i18n/languages.ts';
import { translatorFor } from '../../src/i18n/translator.ts';
import { parseMessage, placeholdersOf, sampleValuesOf } from './message-placeholders.ts';

const EN_KEYS = Object.keys(EN_MESSAGES) as MessageKey[];
const messagesOf = (lang: (typeof LANGUAGE_CODES)[number]) =>
  Object.entries(CATALOGS[lang]) as [MessageKey, string][];

describe.each(LANGUAGE_CODES.filter((lang) => LANGUAGES[lang].complete))(
  'complete language %s',
  (lang) => {
    it('has every English key', () => {
      const missing = EN_KEYS.filter((key) => !Object.hasOwn(CATALOGS[lang], key));
      expect(missing, `keys ${lang} lacks`).toEqual([]);
    });
  },
);

describe.each(LANGUAGE_CODES)('language %s', (lang) => {
  it('has no key English lacks', () => {
    const extra = Object.keys(CATALOGS[lang]).filter((key) => !Object.hasOwn(EN_MESSAGES, key));
    expect(extra, `keys only ${lang} has`).toEqual([]);
  });

  it('has only ICU messages', () => {
    const broken = messagesOf(lang).flatMap(([key, message]) => {
      try {
        parseMessage(message);
        return [];
      } catch (error) {
        return [`${key}: ${String(error)}`];
      }
    });
    expect(broken).toEqual([]);
  });

  it('uses the same placeholders as English in every message', () => {
    const differing = messagesOf(lang).flatMap(([key, message]) => {
      const own = [...placeholdersOf(message).keys()].sort();
      const english = [...placeholdersOf(EN_MESSAGES[key]).keys()].sort();
      return own.join() === english.join() ? [] : [`${key}: ${own} (English: ${english})`];
    });
    expect(differing).toEqual([]);
  });

  it('renders every message with sample values', () => {
    const t = translatorFor(lang);
    const failed = EN_KEYS.flatMap((key) =>
      sampleValuesOf(CATALOGS[lang][key] ?? EN_MESSAGES[key], EN_MESSAGES[key]).flatMap(
        (values) => {
          try {
            const text = t.t(key, values);
            return text.trim() === '' ? [`${key}: empty`] : [];
          } catch (error) {
            return [`${key} ${JSON.stringify(values)}: ${String(error)}`];
          }
        },
      ),
    );
    expect(failed).toEqual([]);
  });
});

describe('a language without a key', () => {
  it('reads that key in English and its own keys in its own words', async () => {
    const [missing, kept] = ['status.CONFIRMED', 'status.CANCELLED'] as const;
    const { [missing]: _dropped, ...incomplete } = CATALOGS.de;
    vi.resetModules();
    vi.doMock('../../src/i18n/catalogs.ts', () => ({ CATALOGS: { ...CATALOGS, de: incomplete } }));
    try {
      const fresh = await import('../../src/i18n/translator.ts');
      const t = fresh.translatorFor('de');
      expect(t.t(missing)).toBe(EN_MESSAGES[missing]);
      expect(t.t(kept)).toBe(CATALOGS.de[kept]);
      expect(t.t(kept)).not.toBe(EN_MESSAGES[kept]);
    } finally {
      vi.doUnmock('../../src/i18n/catalogs.ts');
      vi.resetModules();
    }
  });
});
