// The patterns a weekly series request is read by, per language: 'every Tuesday at 10 for 8
// weeks', 'jeden Dienstag um 10 für 8 Wochen', 'alle zwei Wochen montags', '6 Mal'.
import type { Language } from '../../i18n/languages.ts';
import { fixTypos } from './fix-typos.ts';

export type SeriesPatterns = {
  /** Lower case, typos put right, number words as digits: what the patterns read. */
  readonly normalize: (text: string) => string;
  /** The series cue ('every tuesday', 'weekly', 'jeden Dienstag', 'alle 2 Wochen'). */
  readonly cue: RegExp;
  /** The interval: group 1 the weeks when a number says it, else 2 weeks. */
  readonly interval: RegExp;
  /** A weekday: group 1 the word; its first letters find it in `weekdays`. */
  readonly day: RegExp;
  readonly weekdays: Readonly<Record<string, number>>;
  readonly dayKeyLength: number;
  /** A clock: groups lead ('at'), hour, minute, meridiem (am/pm), uhr ('10 Uhr'). */
  readonly time: RegExp;
  /** A span: group 1 the number, group 2 the unit (a month unit starts with 'm'). */
  readonly span: RegExp;
  /** A count: group 1 or 2 the number ('6 times', 'x6', '6 Mal'). */
  readonly times: RegExp;
  /** Series words left over once the parts are taken ('every', 'weekly', 'jeden'). */
  readonly leftovers: RegExp;
};

const EN_DAY =
  '(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues?|weds?|thu|thurs?|fri|sat|sun)s?';
const EN_EVERY = '(?:every|each)';
const EN_OTHER = '(?:other|second|2nd|alternate)';
const EVERY_TYPO = /\b(?:evrey|evry|everey|evey|eveyr|eevry)\b/g;

const ENGLISH: SeriesPatterns = {
  normalize: (text) =>
    fixTypos('en', text.toLowerCase().replace(EVERY_TYPO, 'every')).toLowerCase(),
  cue: new RegExp(
    `\\b(?:${EN_EVERY}\\s+(?:${EN_OTHER}\\s+)?(?:week|${EN_DAY})|${EN_EVERY}\\s+\\d\\s+weeks?|weekly|fortnightly|on\\s+${EN_DAY}\\s+${EN_EVERY}\\s+week)\\b`,
  ),
  interval: new RegExp(
    `\\b(?:${EN_EVERY}\\s+${EN_OTHER}|fortnightly|${EN_EVERY}\\s+([1-4])\\s+weeks?)\\b`,
  ),
  day: new RegExp(`\\b${EN_DAY}\\b`),
  weekdays: { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 },
  dayKeyLength: 3,
  time: /\b(?<lead>at\s+)?(?<hour>\d{1,2})(?:[:.](?<minute>\d{2}))?\s*(?<meridiem>am|pm)?(?<uhr>)\b(?!\s*(?:times|weeks?|weks|wks?|months?|sessions?)\b)/,
  span: /\b(?:for\s+)?(\d{1,3})\s*(weeks?|weks|wks?|months?|mths?)\b/,
  times: /\b(?:(\d{1,3})\s*(?:times|x|sessions?|occurrences|appointments)|x\s*(\d{1,3}))\b/,
  leftovers: new RegExp(`\\b(?:${EN_EVERY}|weekly|fortnightly|week|on|x)\\b`, 'g'),
};

/** Not inside a word (German words may start or end with an umlaut, which \b does not see). */
const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
const DE_DAY = '(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)s?';
const DE_EVERY = '(?:jeden|jede|jedes)';
const DE_OTHER = '(?:zweiten|zweite|2\\.)';
const DE_FORTNIGHTLY = '(?:zweiwöchentlich|vierzehntägig|14-tägig|14-täglich)';
const DE_NUMBERS: Readonly<Record<string, string>> = {
  zwei: '2',
  drei: '3',
  vier: '4',
  fünf: '5',
  sechs: '6',
  sieben: '7',
  acht: '8',
  neun: '9',
  zehn: '10',
  elf: '11',
  zwölf: '12',
};
const DE_NUMBER = new RegExp(`${L}(${Object.keys(DE_NUMBERS).join('|')})${R}`, 'gu');

const GERMAN: SeriesPatterns = {
  normalize: (text) =>
    fixTypos('de', text.toLowerCase())
      .toLowerCase()
      .replace(DE_NUMBER, (word) => DE_NUMBERS[word] ?? word),
  cue: new RegExp(
    `${L}(?:${DE_EVERY}\\s+(?:${DE_OTHER}\\s+)?(?:woche|${DE_DAY})|alle\\s+\\d\\s+wochen|wöchentlich|${DE_FORTNIGHTLY}|immer\\s+${DE_DAY})${R}`,
    'u',
  ),
  interval: new RegExp(
    `${L}(?:${DE_EVERY}\\s+${DE_OTHER}|${DE_FORTNIGHTLY}|alle\\s+([1-4])\\s+wochen)${R}`,
    'u',
  ),
  day: new RegExp(`${L}${DE_DAY}${R}`, 'u'),
  weekdays: { mo: 1, di: 2, mi: 3, do: 4, fr: 5, sa: 6, so: 7 },
  dayKeyLength: 2,
  time: new RegExp(
    `${L}(?<lead>um\\s+)?(?<hour>\\d{1,2})(?:[:.](?<minute>\\d{2}))?(?<meridiem>)(?<uhr>\\s*uhr)?${R}(?!\\s*(?:-\\s*)?(?:mal|x|wochen?|monate?n?|termine|sitzungen|einheiten)${R})`,
    'u',
  ),
  span: new RegExp(`${L}(?:für\\s+)?(\\d{1,3})\\s*(wochen?|monate?n?)(?:\\s+lang)?${R}`, 'u'),
  times: new RegExp(
    `${L}(?:(\\d{1,3})\\s*(?:-\\s*)?(?:mal|x|termine|sitzungen|einheiten)|x\\s*(\\d{1,3}))${R}`,
    'u',
  ),
  leftovers: new RegExp(
    `${L}(?:${DE_EVERY}|alle|immer|wöchentlich|woche|wochen|am|x|mal|lang)${R}`,
    'gu',
  ),
};

const PATTERNS: Record<Language, SeriesPatterns> = { en: ENGLISH, de: GERMAN };

/** The series patterns of `lang`. */
export function seriesPatternsOf(lang: Language): SeriesPatterns {
  return PATTERNS[lang];
}
