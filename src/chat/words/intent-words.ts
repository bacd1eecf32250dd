// The patterns that tell what typed words ask for, per language: cancel, move, book, list, greet
// and help. German patterns read the words with umlauts spelt out ('naechste' for 'nächste').
import type { Language } from '../../i18n/languages.ts';
import { foldGerman } from './reading-order.ts';

export type IntentWords = {
  /** The words as the patterns read them (lower case; German umlauts spelt out). */
  readonly fold: (text: string) => string;
  readonly cancel: RegExp;
  readonly move: RegExp;
  readonly bookVerb: RegExp;
  readonly listAsk: RegExp;
  readonly myList: RegExp;
  readonly greet: RegExp;
  readonly help: RegExp;
  readonly bookCue: RegExp;
};

const ENGLISH: IntentWords = {
  fold: (text) => text.toLowerCase(),
  cancel: /\b(cancel|cancellation|call off|calling off)\b/,
  move: /\b(move|reschedule|postpone|shift|push back|bring forward|change|rebook)\b.*\b(booking|appointment|it|session|reservation|slot|time|my|to)\b/,
  bookVerb: /\b(book|reserve|schedule)\b/,
  listAsk:
    /\b(what|which|when|show|list|see|view|check|any|upcoming|do i have|have i got)\b.*\b(booked|bookings?|appointments?|reservations?|scheduled|sessions?)\b/,
  myList: /^\s*(my )?(bookings|appointments|reservations)\s*\??$/,
  greet:
    /^\s*(hi|hello|hey|hiya|hallo|howdy|yo|good (morning|afternoon|evening|day)|greetings|start)( there)?\b[\s!.,a-z]{0,20}$/,
  help: /^\s*(help|menu|commands|options|\?)\b|\b(what can you do|how (does|do) (this|it|you) work|what do you do)\b/,
  bookCue:
    /\b(appointment|appt|session|slot|need|want|wanna|like|get|make|available|free|openings?|see|visit)\b/,
};

const GERMAN: IntentWords = {
  fold: foldGerman,
  cancel:
    /\b(absagen|abzusagen|absage|storniere\w*|stornierung|storno|canceln|cancel)\b|\b(sage|sagen)\b.*\b(termin|buchung|ihn|es)\b.*\bab\b/,
  move: /\b(verschieben|verschiebe|verschoben|verlegen|verlege|umbuchen|umzubuchen|umbuche|umlegen)\b|\b(termin|buchung)\b.*\b(aendern|anders legen)\b/,
  bookVerb: /\b(buchen|buche|reservieren|reserviere|vereinbaren|ausmachen)\b/,
  listAsk:
    /\b(was|welche|welcher|wann|zeig\w*|liste|anzeigen|habe ich|hab ich|gibt es|meine)\b.*\b(gebucht|buchungen|termine|reservierungen|reserviert)\b/,
  myList: /^\s*(meine )?(buchungen|termine|reservierungen)\s*\??$/,
  greet:
    /^\s*(hallo|hi|hey|moin|servus|gruess gott|gruezi|guten (morgen|tag|abend)|start)\b[\s!.,a-z]{0,20}$/,
  help: /^\s*(hilfe|menue|menu|befehle|optionen|\?)(\s|$|[!.?])|\b(was kannst du|was koennen sie|wie funktioniert (das|es)|was machst du)\b/,
  bookCue:
    /\b(termin|sitzung|brauche|moechte|moechten|haette gern|haette gerne|will|wollen|frei|verfuegbar|verfuegbare|gibt es)\b/,
};

const INTENT_WORDS: Record<Language, IntentWords> = { en: ENGLISH, de: GERMAN };

/** The intent patterns of `lang`. */
export function intentWordsOf(lang: Language): IntentWords {
  return INTENT_WORDS[lang];
}
