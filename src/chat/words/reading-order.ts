// Which languages typed words are read in: the reader's own first, then the others, so a German
// reader typing English is still understood and an English reader's words read as before.
import { LANGUAGE_CODES, type Language } from '../../i18n/languages.ts';
import type { Translator } from '../../i18n/translator.ts';

/** The reader's language, then every other one in registry order. */
function readingOrder(t: Translator): Language[] {
  return [t.lang, ...LANGUAGE_CODES.filter((lang) => lang !== t.lang)];
}

/**
 * Reads `text` in each language of `t`'s reading order and keeps the reading that understood the
 * most by `score` (0: nothing); a tie goes to the reader's own language, then registry order.
 */
export function readBestUnderstood<R>(
  t: Translator,
  read: (lang: Language) => R,
  score: (reading: R) => number,
): R {
  const [own, ...others] = readingOrder(t);
  let best = read(own ?? t.lang);
  let bestScore = score(best);
  for (const lang of others) {
    const reading = read(lang);
    const readingScore = score(reading);
    if (readingScore > bestScore) {
      best = reading;
      bestScore = readingScore;
    }
  }
  return best;
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
