// The language of a page a person opens in their browser: ?lang=, else Accept-Language, else the default.
import type { Context, MiddlewareHandler } from 'hono';
import { languageDetector } from 'hono/language';
import { LANGUAGE_CODES, type Language, parseLanguage } from '../i18n/languages.ts';
import { type Translator, translatorFor } from '../i18n/translator.ts';

/**
 * Middleware that picks the page's language with Hono's detector (q-values honoured, 'de-AT'
 * read as 'de'); nothing is cached in a cookie, so a changed browser setting shows at once.
 */
export function detectPageLanguage(fallback: Language): MiddlewareHandler {
  return languageDetector({
    order: ['querystring', 'header'],
    lookupQueryString: 'lang',
    caches: false,
    supportedLanguages: [...LANGUAGE_CODES],
    fallbackLanguage: fallback,
  });
}

/** The translator for the language detectPageLanguage chose for this request. */
export function pageTranslator(c: Context, fallback: Language): Translator {
  return translatorFor(parseLanguage(c.get('language')) ?? fallback);
}
