// Misspelt day, time and request words ('tomorow', 'wednesay', 'nxt', 'cancle'; 'mittwoh',
// 'naechsten', 'uebermorgen') put right before anything reads them, by fuzzy matching single words
// against a small vocabulary per language (fuse.js).
import Fuse from 'fuse.js';
import type { Language } from '../../i18n/languages.ts';
import { foldGerman } from './reading-order.ts';

type Vocabulary = {
  /** The words people use for days, times and requests, spelt right. */
  readonly words: readonly string[];
  /** Short forms fuzzy matching would get wrong (too few letters to judge). */
  readonly shortForms: Readonly<Record<string, string>>;
  /** Words that look like vocabulary but are words of their own. */
  readonly keep: ReadonlySet<string>;
  /** How a word is compared: German umlauts match their spelt-out forms ('ue' for 'ü'). */
  readonly fold: (word: string) => string;
  /** Whether a near miss must start with the same letter ('massage' is not 'absagen'). */
  readonly sameFirstLetter: boolean;
};

const ENGLISH: Vocabulary = {
  words: [
    'today',
    'tomorrow',
    'tonight',
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
    'sunday',
    'next',
    'week',
    'morning',
    'afternoon',
    'evening',
    'noon',
    'after',
    'before',
    'appointment',
    'appointments',
    'booking',
    'bookings',
    'cancel',
    'reschedule',
    'schedule',
  ],
  shortForms: {
    nxt: 'next',
    tmr: 'tomorrow',
    tmrw: 'tomorrow',
    tmrow: 'tomorrow',
    tomoz: 'tomorrow',
    '2moro': 'tomorrow',
    '2morrow': 'tomorrow',
    tdy: 'today',
    wk: 'week',
    appt: 'appointment',
    tues: 'tuesday',
    weds: 'wednesday',
    thurs: 'thursday',
  },
  keep: new Set(['book', 'booked', 'monthly', 'weekly', 'daily', 'nights', 'next']),
  fold: (word) => word,
  sameFirstLetter: false,
};

const GERMAN: Vocabulary = {
  words: [
    'heute',
    'morgen',
    'übermorgen',
    'montag',
    'dienstag',
    'mittwoch',
    'donnerstag',
    'freitag',
    'samstag',
    'sonntag',
    'montags',
    'dienstags',
    'mittwochs',
    'donnerstags',
    'freitags',
    'samstags',
    'sonntags',
    'nächste',
    'nächsten',
    'nächster',
    'nächstes',
    'woche',
    'wochen',
    'wochenende',
    'morgens',
    'vormittag',
    'vormittags',
    'mittags',
    'nachmittag',
    'nachmittags',
    'abend',
    'abends',
    'termin',
    'termine',
    'buchen',
    'absagen',
    'stornieren',
    'verschieben',
    'umbuchen',
    'warteliste',
    'jeden',
    'wöchentlich',
    'für',
    'über',
  ],
  shortForms: { tremin: 'termin' },
  keep: new Set(['buche', 'gebucht', 'morgen', 'abend', 'jede', 'jedes', 'woche']),
  fold: foldGerman,
  sameFirstLetter: true,
};

const VOCABULARIES: Record<Language, Vocabulary> = { en: ENGLISH, de: GERMAN };

type Matcher = { readonly vocabulary: Vocabulary; readonly fuse: Fuse<string> };

const MATCHERS = Object.fromEntries(
  Object.entries(VOCABULARIES).map(([lang, vocabulary]) => {
    const folded = vocabulary.words.map(vocabulary.fold);
    const fuse = new Fuse(folded, { includeScore: true, threshold: 0.3, ignoreLocation: true });
    return [lang, { vocabulary, fuse }];
  }),
) as Record<Language, Matcher>;

/** One word put right: a known short form, or the vocabulary word it is a near miss of. */
function fixWord({ vocabulary, fuse }: Matcher, word: string): string {
  const lower = word.toLowerCase();
  const short = vocabulary.shortForms[lower];
  if (short !== undefined) return short;
  if (vocabulary.keep.has(lower) || vocabulary.words.includes(lower)) return word;
  const folded = vocabulary.fold(lower);
  const same = vocabulary.words.find((w) => vocabulary.fold(w) === folded);
  if (same !== undefined) return same;
  if (folded.length < 5) return word;
  const [best] = fuse.search(folded, { limit: 1 });
  if (best === undefined || (best.score ?? 1) > 0.3) return word;
  // Much longer or shorter is another word ('afternoons' is fine, 'tomorrowland' is not).
  if (Math.abs(best.item.length - folded.length) > 2) return word;
  if (vocabulary.sameFirstLetter && best.item[0] !== folded[0]) return word;
  return vocabulary.words[best.refIndex] ?? word;
}

/** `text` with each misspelt day, time or request word of `lang` replaced; the rest as it was. */
export function fixTypos(lang: Language, text: string): string {
  const matcher = MATCHERS[lang];
  return text.replace(/[\p{L}\p{N}]+/gu, (word) => fixWord(matcher, word));
}
