// Which language a mail goes in: the reader's stored one, else DEFAULT_LANGUAGE, else English.
import { describe, expect, it } from 'vitest';
import type { Language } from '../../src/i18n/languages.ts';
import { mailTranslator } from '../../src/jobs/change-mail-facts.ts';

describe('mailTranslator', () => {
  it.each<[string | null, Language | undefined, Language]>([
    ['de', undefined, 'de'],
    ['de', 'en', 'de'],
    ['en', 'de', 'en'],
    [null, 'de', 'de'],
    [null, undefined, 'en'],
    ['xx', 'de', 'de'],
  ])('stored %s with default %s reads %s', (stored, defaultLanguage, expected) => {
    const deps = defaultLanguage === undefined ? {} : { defaultLanguage };
    const t = mailTranslator(deps, stored);
    expect(t.lang).toBe(expected);
    expect(t.t('mail.greeting', { name: 'Bob' })).toBe(
      expected === 'de' ? 'Hallo Bob,' : 'Hi Bob,',
    );
  });
});
