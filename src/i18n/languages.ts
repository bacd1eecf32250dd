// The language registry: every language Slotline speaks, and how its dates and times read.

/**
 * One entry per language. `complete` languages have every catalog key (a test checks); others
 * fall back to English key by key. The patterns are luxon format tokens read in `locale`.
 */
export const LANGUAGES = {
  en: {
    name: 'English',
    locale: 'en-GB',
    complete: true,
    patterns: {
      dayShort: 'ccc d LLL',
      dayLong: 'ccc d LLL yyyy',
      weekdayClock: 'ccc HH:mm',
      weekdayLong: 'cccc',
    },
  },
  de: {
    name: 'Deutsch',
    locale: 'de-DE',
    complete: true,
    patterns: {
      dayShort: 'EEE, d. MMM',
      dayLong: 'EEE, d. MMM yyyy',
      weekdayClock: 'EEE HH:mm',
      weekdayLong: 'cccc',
    },
  },
} as const satisfies Record<string, LanguageInfo>;

export type LanguageInfo = {
  /** The language's own name, as a picker shows it. */
  readonly name: string;
  /** BCP 47 tag for Intl and luxon. */
  readonly locale: string;
  readonly complete: boolean;
  readonly patterns: {
    readonly dayShort: string;
    readonly dayLong: string;
    readonly weekdayClock: string;
    readonly weekdayLong: string;
  };
};

export type Language = keyof typeof LANGUAGES;

/** Every language code, in registry order. */
export const LANGUAGE_CODES = Object.keys(LANGUAGES) as Language[];

/**
 * The language a platform's tag names ('de', 'de-AT', 'de_DE', 'EN-us'), or null when the tag
 * is empty or names a language Slotline does not speak.
 */
export function parseLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLanguage(primary) ? primary : null;
}

export function isLanguage(code: string): code is Language {
  return Object.hasOwn(LANGUAGES, code);
}
