// The words around a date, per language: parts of the day ('morning', 'nachmittags'), 'after' and
// 'before' a time, chrono's parser, and the filler words that name no provider or service.
import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { Language } from '../../i18n/languages.ts';
import { parseGerman, spellOutGermanDays } from './german-dates.ts';
import { PARTS_OF_DAY } from './time-wish.ts';

type Range = { readonly from: number; readonly to: number };

/** A part of the day found in the words, and the words with it taken out. */
type PartFound = { readonly range: Range; readonly rest: string };

export type DayWords = {
  /** The part of the day the words name, if any ('tonight' leaves 'today' behind). */
  readonly findPart: (text: string) => PartFound | null;
  /** A time after which ('after 3pm', 'ab 15 Uhr'). */
  readonly from: RegExp;
  /** A time before which ('before 11', 'vor 11 Uhr'). */
  readonly before: RegExp;
  /** The words as the parser should see them ('am 12.' written out, 'Guten Morgen' no date). */
  readonly prepare: (text: string, zone: string, now: Date) => string;
  /** chrono's results for `text` read at `now` in `zone`, future-leaning. */
  readonly parse: (text: string, zone: string, now: Date) => chrono.ParsedResult[];
  /** Words that say nothing about which provider or service (lower case, no accents). */
  readonly filler: ReadonlySet<string>;
};

/** Lower-case words without accents or punctuation. */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Separated by '|', like the patterns: word lists, not sentences. */
const ENGLISH_FILLER =
  'a|an|the|with|at|on|for|after|before|from|to|by|in|and|or|please|book|booking|bookings|' +
  'appointment|appointments|appt|slot|me|i|id|want|like|would|some|time|any|need|can|could|you|' +
  'get|make|have|has|is|are|there|free|available|open|next|this|week|my|reserve|schedule|see|' +
  'visit|of|about|around|want|wanna|would|love|do|new|one|soon|hi|hello|hey|thanks|thank|up|' +
  'until|till|since|cancel|move|reschedule|change|show|when|what|which|anything|something|help|' +
  'booked|good';

const GERMAN_FILLER =
  'ich|möchte|moechte|gerne|gern|einen|einem|einer|eine|ein|der|die|das|den|dem|des|bei|mit|um|' +
  'am|an|im|in|zu|zum|zur|für|fuer|von|vom|ab|nach|vor|bis|uhr|termin|termine|terminen|buchen|' +
  'buche|gebucht|bitte|mir|mich|mein|meine|meinen|meinem|hallo|guten|tag|und|oder|ist|sind|gibt|' +
  'es|frei|freie|freien|freier|verfügbar|noch|haben|habe|hätte|hätten|kann|können|könnte|wir|' +
  'sie|du|was|wann|welche|welcher|nächste|nächsten|nächster|nächstes|diese|dieser|diesen|woche|' +
  'neuen|neue|neuer|absagen|stornieren|verschieben|umbuchen|zeige|zeigen|hilfe|danke|brauche|' +
  'will|wollen|würde|irgendwann|etwas|bald|wie|möglich|gegen|ungefähr|auch|mal|vereinbaren|' +
  'reservieren|zeit|uhrzeit|später|früher|als|spätestens|frühestens|muss|müsste|sagen|sage|sag|' +
  'bescheid|wenn|falls|sobald|wird|werden|leider|nicht|kein|keine|keinen|dann|da|hier|auf|ja|' +
  'nein|okay|ok|wochenende|so';

/** chrono's results for `text` at `now` on the wall clock of `zone`, future-leaning. */
function parseEnglish(text: string, zone: string, now: Date): chrono.ParsedResult[] {
  const offset = DateTime.fromJSDate(now, { zone }).offset;
  return chrono.parse(text, { instant: now, timezone: offset }, { forwardDate: true });
}

function parseInGerman(text: string, zone: string, now: Date): chrono.ParsedResult[] {
  const offset = DateTime.fromJSDate(now, { zone }).offset;
  return parseGerman(text, { instant: now, timezone: offset }, { forwardDate: true });
}

/** 'vor 11 Uhr': a word chrono does not join to the day before it ('Freitag vor 11 Uhr'). */
const GERMAN_TIME_BOUND =
  /(?<![\p{L}\p{N}])(nach|ab|vor|bis|gegen)\s+(\d{1,2}(?:[:.]\d{2})?(?:\s*uhr)?)(?![\p{L}\p{N}])/giu;

/**
 * 'am 12.' and '12.12.' written out; 'vor 11 Uhr' as 'um 11 Uhr vor' (the bound still said, the
 * time joined to its day); the greeting 'Guten Morgen' names no day.
 */
function prepareGerman(text: string, zone: string, now: Date): string {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const greeted = text.replace(/(?<![\p{L}\p{N}])(guten)\s+morgen(?![\p{L}\p{N}])/iu, '$1 Tag');
  const bound = greeted.replace(GERMAN_TIME_BOUND, 'um $2 $1');
  return spellOutGermanDays(bound, today);
}

function findEnglishPart(text: string): PartFound | null {
  const part = /\b(morning|afternoon|evening|tonight)\b/i.exec(text);
  const word = part?.[1]?.toLowerCase();
  const range = word === undefined ? undefined : PARTS_OF_DAY[word];
  if (!part || word === undefined || range === undefined) return null;
  return { range, rest: text.replace(part[0], word === 'tonight' ? 'today' : ' ') };
}

const GERMAN_PART =
  /(?<![\p{L}\p{N}])(?:am\s+)?(morgen\s+(?:früh|vormittags?)|morgens|früh|vormittags?|nachmittags?|abends?|nachts?)(?![\p{L}\p{N}])/iu;

/** 'morgens', 'am Vormittag', 'nachmittags', 'heute Abend' (today stays, the evening goes). */
function findGermanPart(text: string): PartFound | null {
  const amMorgen = /(?<![\p{L}\p{N}])am\s+morgen(?![\p{L}\p{N}])/iu.exec(text);
  const part = amMorgen ?? GERMAN_PART.exec(text);
  const word = amMorgen ? 'morgens' : part?.[1]?.toLowerCase();
  if (!part || word === undefined) return null;
  const key = /^(morgen|früh|vormittag)/.test(word)
    ? 'morning'
    : word.startsWith('nachmittag')
      ? 'afternoon'
      : 'evening';
  const range = PARTS_OF_DAY[key];
  if (range === undefined) return null;
  // 'morgen früh' is tomorrow morning: 'morgen' stays for the day.
  const kept = /^morgen\s/.test(word) ? 'morgen' : ' ';
  return { range, rest: text.replace(part[0], kept) };
}

const DAY_WORDS: Record<Language, DayWords> = {
  en: {
    findPart: findEnglishPart,
    prepare: (text) => text,
    from: /\b(after|from|since|later than)\b/i,
    before: /\b(before|until|till|by|earlier than)\b/i,
    parse: parseEnglish,
    filler: new Set(wordsOf(ENGLISH_FILLER)),
  },
  de: {
    findPart: findGermanPart,
    prepare: prepareGerman,
    from: /(?<![\p{L}\p{N}])(nach|ab|später als|frühestens)(?![\p{L}\p{N}])/iu,
    before: /(?<![\p{L}\p{N}])(vor|bis|spätestens|früher als)(?![\p{L}\p{N}])/iu,
    parse: parseInGerman,
    filler: new Set(wordsOf(`${GERMAN_FILLER}|${ENGLISH_FILLER}`)),
  },
};

/** The date words of `lang`. */
export function dayWordsOf(lang: Language): DayWords {
  return DAY_WORDS[lang];
}
