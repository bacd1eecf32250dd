// Which languages typed words are read in: the reader's own first, then the others, so a German
// reader typing English is still understood and an English reader's words read as before.
import { LANGUAGE_CODES, type Language } from '../../i18n/languages.ts';
import type { Translator } from '../../i18n/translator.ts';

/** The reader's language, then every other one in registry order. */
export function readingOrder(t: Translator): Language[] {
  return [t.lang, ...LANGUAGE_CODES.filter((lang) => lang !== t.lang)];
}

/**
 * Reads `text` in each language of `t`'s reading order and keeps the first reading that
 * `understood`; when none did, the reading in the reader's own language.
 */
export function readFirstUnderstood<R>(
  t: Translator,
  read: (lang: Language) => R,
  understood: (reading: R) => boolean,
): R {
  const [own, ...others] = readingOrder(t);
  const first = read(own ?? t.lang);
  if (understood(first)) return first;
  for (const lang of others) {
    const reading = read(lang);
    if (understood(reading)) return reading;
  }
  return first;
}

/** Lower case with German umlauts and ß spelt out ('nächsten' is 'naechsten'), for patterns. */
export function foldGerman(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss');
}
