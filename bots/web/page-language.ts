// The web chat page's language: ?lang=, else the browser's Accept-Language (q-values honoured), else English.
import { type Language, parseLanguage } from '../../src/i18n/languages.ts';

const PAGE_DEFAULT: Language = 'en';

/**
 * The language to show the page in: `lang` (a query override) when it names a registry
 * language, else the first language of `acceptLanguage` by q-value that Slotline speaks.
 */
export function pageLanguage(
  lang: string | null | undefined,
  acceptLanguage: string | null | undefined,
): Language {
  return parseLanguage(lang) ?? preferred(acceptLanguage ?? '') ?? PAGE_DEFAULT;
}

/** 'de-DE,de;q=0.9,en;q=0.8': the spoken language with the highest q (earlier wins a tie). */
function preferred(header: string): Language | null {
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';').map((piece) => piece.trim());
      const q = params.find((p) => p.startsWith('q='));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { lang: parseLanguage(tag), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.lang !== null && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked[0]?.lang ?? null;
}
