// Turning a catalog key and its values into text in one language (ICU plurals and selects).
import { createIntl, type IntlShape } from '@formatjs/intl';
import { EN_MESSAGES, type MessageKey } from './catalog/en.ts';
import { CATALOGS } from './catalogs.ts';
import { LANGUAGES, type Language, type LanguageInfo } from './languages.ts';

/** Values a message's placeholders take: text, counts for plurals, words for selects. */
type MessageValues = Readonly<Record<string, string | number>>;

/** Everything that speaks to one person speaks through one of these. */
export type Translator = {
  readonly lang: Language;
  /** The BCP 47 locale for Intl and luxon. */
  readonly locale: string;
  readonly patterns: LanguageInfo['patterns'];
  /** The message `key` with `values` filled in; a key the language lacks reads in English. */
  t(key: MessageKey, values?: MessageValues): string;
};

class TranslationError extends Error {
  override name = 'TranslationError';
}

/**
 * A translator for `lang`. Pure: the same language always gives the same words. Throws
 * TranslationError when a message cannot be formatted (a value it needs is missing): the
 * catalog test renders every message, so this is a bug, never user input.
 */
export function translatorFor(lang: Language): Translator {
  const info = LANGUAGES[lang];
  const intl = createIntl({
    locale: info.locale,
    defaultLocale: 'en-GB',
    messages: { ...EN_MESSAGES, ...CATALOGS[lang] },
    onError: (error) => {
      throw new TranslationError(`cannot format a ${lang} message`, { cause: error });
    },
  });
  return {
    lang,
    locale: info.locale,
    patterns: info.patterns,
    t: (key, values) => format(intl, key, values),
  };
}

function format(intl: IntlShape, key: MessageKey, values?: MessageValues): string {
  return intl.formatMessage({ id: key }, values);
}
