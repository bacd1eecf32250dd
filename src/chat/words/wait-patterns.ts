// The patterns a waitlist request is read by, per language: asking to be told when a time opens
// ('tell me if something opens', 'sagen Sie mir Bescheid, wenn etwas frei wird'), the parts of
// the day, and 'next week' or 'the 12th' ('nächste Woche', 'am 12.').
import type { Language } from '../../i18n/languages.ts';
import type { PartOfDay } from '../../waitlist/part-of-day.ts';
import { wordsOf } from './day-words.ts';
import { foldGerman } from './reading-order.ts';

export type WaitPatterns = {
  /** The words as the asks read them (lower case; German umlauts spelt out). */
  readonly fold: (text: string) => string;
  /** Asking to be told *if* or *when* a time opens, or naming the waitlist. */
  readonly asks: readonly RegExp[];
  /** A part of the day: group 1 the word. */
  readonly part: RegExp;
  readonly partOf: (word: string) => PartOfDay;
  /** 'next week', 'this weekend': group 1 'next' or not, group 2 the week or the weekend. */
  readonly week: RegExp;
  readonly isNext: (word: string) => boolean;
  readonly isWeekend: (word: string) => boolean;
  /** 'the 12th', 'am 12.': group 1 the day of the month. */
  readonly ordinal: RegExp;
  /** Words that say "wait for a time" and nothing about who or what. */
  readonly filler: ReadonlySet<string>;
  /** Misspelt waitlist words are near misses of these. */
  readonly vocabulary: readonly string[];
};

const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';

const ENGLISH: WaitPatterns = {
  fold: (text) => text.toLowerCase(),
  asks: [
    /\b(wait ?list|waiting ?list)\b/,
    /\b(tell|let|notify|ping|message|text|alert|inform)\b.{0,20}\b(me|us)\b.*\b(if|when|whenever|once|as soon as|should)\b.*\b(opens?|opening|opened|free|frees|freed|available|slots?|spots?|space|comes? up|cancels|cancellations?)\b/,
  ],
  part: /\b(morning|afternoon|evening|tonight)s?\b/i,
  partOf: (word) => {
    if (word === 'morning') return 'MORNING';
    if (word === 'afternoon') return 'AFTERNOON';
    return 'EVENING';
  },
  week: /\b(next|this|the|coming)\s+(week|weekend)\b/i,
  isNext: (word) => word === 'next',
  isWeekend: (word) => word === 'weekend',
  ordinal: /\b(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b/i,
  filler: new Set(
    wordsOf(
      'tell|let|know|notify|ping|message|text|alert|inform|me|us|if|when|whether|something|' +
        'anything|opens|open|opening|opened|frees|free|freed|up|comes|come|waitlist|waiting|list|' +
        'wait|put|add|join|on|there|gets|get|becomes|slot|spot|space|cancels|cancellation|' +
        'cancellations|day|days|whole|all|to|until|till|through|weekend',
    ),
  ),
  vocabulary: [
    'waitlist',
    'notify',
    'opens',
    'frees',
    'available',
    'waiting',
    'something',
    'anything',
  ],
};

const GERMAN: WaitPatterns = {
  fold: foldGerman,
  asks: [
    /\b(warteliste|warte ?liste)\b/,
    /\b(bescheid|benachrichtig\w*|informier\w*|melden|meldet|schreiben|schreibt|sagen|sag)\b.*\b(wenn|falls|sobald|ob)\b.*\b(frei|freie|freier|verfuegbar|wird|werden|absagt|absage|abgesagt|storniert|oeffnet)\b/,
  ],
  part: new RegExp(`${L}(?:am\\s+)?(morgens|vormittags?|nachmittags?|abends?|nachts?)${R}`, 'iu'),
  partOf: (word) => {
    if (word.startsWith('morgen') || word.startsWith('vormittag')) return 'MORNING';
    if (word.startsWith('nachmittag')) return 'AFTERNOON';
    return 'EVENING';
  },
  week: new RegExp(
    `${L}(nächste|nächsten|nächstes|diese|dieser|diesem|dieses|kommende|kommenden|kommendes|am|übers|über das)\\s+(woche|wochenende)${R}`,
    'iu',
  ),
  isNext: (word) => word.startsWith('nächst') || word.startsWith('kommend'),
  isWeekend: (word) => word === 'wochenende',
  ordinal: new RegExp(
    `${L}(?:am|den|zum)\\s+(\\d{1,2})\\.(?!\\p{N})(?!\\s*(?:\\p{N}|jan|feb|m[aä]r|apr|mai|jun|jul|aug|sep|okt|nov|dez))`,
    'iu',
  ),
  filler: new Set(
    wordsOf(
      'sagen|sag|geben|gib|sie|mir|uns|bescheid|benachrichtigen|benachrichtigung|informieren|' +
        'melden|schreiben|wenn|falls|sobald|ob|etwas|was|ein|eine|einen|termin|frei|freie|freier|' +
        'wird|werden|verfügbar|warteliste|warte|liste|auf|die|den|der|setzen|setze|mich|bitte|am|' +
        'an|im|für|tag|tage|ganzen|ganze|bis|zum|woche|wochenende|abgesagt|absagt|storniert|' +
        'nächste|nächsten|diese|dieser|kommende|kommenden|öffnet',
    ),
  ),
  vocabulary: ['warteliste', 'bescheid', 'benachrichtigen', 'verfügbar', 'sobald', 'etwas'],
};

const PATTERNS: Record<Language, WaitPatterns> = { en: ENGLISH, de: GERMAN };

/** The waitlist patterns of `lang`. */
export function waitPatternsOf(lang: Language): WaitPatterns {
  return PATTERNS[lang];
}
