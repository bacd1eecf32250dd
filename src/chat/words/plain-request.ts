// What typed words without a slash ask for: book, cancel, move, list, help or a greeting, with the
// day, time and name words a booking or a move carries, in English or German. Pure: no catalog,
// no clock of its own.
import type { Language } from '../../i18n/languages.ts';
import type { Translator } from '../../i18n/translator.ts';
import { type BookingWords, readWordsIn } from '../booking-words.ts';
import { asksForSeriesIn } from '../series-words.ts';
import { isWaitRequestIn } from '../waitlist-words.ts';
import { fixTypos } from './fix-typos.ts';
import { intentWordsOf } from './intent-words.ts';
import { readBestUnderstood } from './reading-order.ts';

export type Intent = 'book' | 'cancel' | 'move' | 'list' | 'help' | 'greet' | 'wait';

export type PlainRequest = {
  /** Null when the words ask for nothing the bot knows (the caller may still find a name). */
  readonly intent: Intent | null;
  /** Whether a verb said it outright ('book', 'cancel'), not only a day or a time. */
  readonly explicit: boolean;
  /** The words with misspelt day and request words put right: the args of /book. */
  readonly args: string;
  readonly read: BookingWords;
};

/**
 * Reads `text` as typed at `now` by someone in `zone`, in the reader's language and the others,
 * keeping the reading that understood the most (the reader's own on a tie).
 */
export function readPlainRequest(
  t: Translator,
  text: string,
  zone: string,
  now: Date,
): PlainRequest {
  return readBestUnderstood(t, (lang) => readPlainRequestIn(lang, text, zone, now), understoodOf);
}

/** How much a reading understood: what it asks for, outright or not, and its day and time. */
function understoodOf(request: PlainRequest): number {
  const asked = request.intent === null ? 0 : request.explicit ? 2 : 1;
  return asked + (request.read.day === null ? 0 : 1) + (request.read.wish === null ? 0 : 1);
}

/** `readPlainRequest` in one language. */
function readPlainRequestIn(lang: Language, text: string, zone: string, now: Date): PlainRequest {
  const args = fixTypos(lang, text.trim()).slice(0, 500);
  const words = intentWordsOf(lang);
  const lower = words.fold(args);
  const read = readWordsIn(lang, args, zone, now);
  const said = (intent: Intent | null, explicit: boolean): PlainRequest => ({
    intent,
    explicit,
    args,
    read,
  });
  // First: 'tell me if a cancellation frees up friday' is waiting, not cancelling.
  if (isWaitRequestIn(lang, args)) return said('wait', true);
  if (words.cancel.test(lower)) return said('cancel', true);
  if (words.move.test(lower)) return said('move', true);
  // 'every Tuesday at 10 for 8 weeks' asks to book, even in the middle of another flow.
  if (asksForSeriesIn(lang, args)) return said('book', true);
  if (words.bookVerb.test(lower)) return said('book', true);
  if (words.listAsk.test(lower) || words.myList.test(lower)) return said('list', true);
  if (words.greet.test(lower) && read.day === null) return said('greet', false);
  if (words.help.test(lower)) return said('help', false);
  const dated = read.day !== null || read.wish !== null;
  if (dated || words.bookCue.test(lower)) return said('book', false);
  return said(null, false);
}
