// The language of text an adapter shows itself (apologies, modals): the platform's hint or the engine's words.
import { LANGUAGE_CODES, type Language, parseLanguage } from '../src/i18n/languages.ts';
import { type Translator, translatorFor } from '../src/i18n/translator.ts';

type MessageKey = Parameters<Translator['t']>[0];

/** What an adapter speaks when the platform tells no language. */
const ADAPTER_DEFAULT: Language = 'en';

/** The translator for a platform's language tag ('de', 'de-DE'); English when absent or unknown. */
export function hintTranslator(locale: string | null | undefined): Translator {
  return translatorFor(parseLanguage(locale) ?? ADAPTER_DEFAULT);
}

/**
 * The translator of the language whose `key` reads `words`: a label the engine wrote in the
 * reader's language (the Decline button) tells what language to go on in; English when none.
 */
export function translatorOfWords(key: MessageKey, words: string | null | undefined): Translator {
  const lang = LANGUAGE_CODES.find((code) => translatorFor(code).t(key) === words);
  return translatorFor(lang ?? ADAPTER_DEFAULT);
}
