// What typed words without a slash ask for: book, cancel, move, list, help or a greeting, with the
// day, time and name words a booking or a move carries. Pure: no catalog, no clock of its own.
import { type BookingWords, readWords } from '../booking-words.ts';
import { asksForSeries } from '../series-words.ts';
import { isWaitRequest } from '../waitlist-words.ts';
import { fixTypos } from './fix-typos.ts';

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

const CANCEL = /\b(cancel|cancellation|call off|calling off)\b/;
const MOVE =
  /\b(move|reschedule|postpone|shift|push back|bring forward|change|rebook)\b.*\b(booking|appointment|it|session|reservation|slot|time|my|to)\b/;
const BOOK_VERB = /\b(book|reserve|schedule)\b/;
const LIST_ASK =
  /\b(what|which|when|show|list|see|view|check|any|upcoming|do i have|have i got)\b.*\b(booked|bookings?|appointments?|reservations?|scheduled|sessions?)\b/;
const MY_LIST = /^\s*(my )?(bookings|appointments|reservations)\s*\??$/;
const GREET =
  /^\s*(hi|hello|hey|hiya|hallo|howdy|yo|good (morning|afternoon|evening|day)|greetings|start)( there)?\b[\s!.,a-z]{0,20}$/;
const HELP =
  /^\s*(help|menu|commands|options|\?)\b|\b(what can you do|how (does|do) (this|it|you) work|what do you do)\b/;
const BOOK_CUE =
  /\b(appointment|appt|session|slot|need|want|wanna|like|get|make|available|free|openings?|see|visit)\b/;

/** Reads `text` as typed at `now` by someone in `zone`. */
export function readPlainRequest(text: string, zone: string, now: Date): PlainRequest {
  const args = fixTypos(text.trim()).slice(0, 500);
  const lower = args.toLowerCase();
  const read = readWords(args, zone, now);
  const said = (intent: Intent | null, explicit: boolean): PlainRequest => ({
    intent,
    explicit,
    args,
    read,
  });
  // First: 'tell me if a cancellation frees up friday' is waiting, not cancelling.
  if (isWaitRequest(lower)) return said('wait', true);
  if (CANCEL.test(lower)) return said('cancel', true);
  if (MOVE.test(lower)) return said('move', true);
  // 'every Tuesday at 10 for 8 weeks' asks to book, even in the middle of another flow.
  if (asksForSeries(lower)) return said('book', true);
  if (BOOK_VERB.test(lower)) return said('book', true);
  if (LIST_ASK.test(lower) || MY_LIST.test(lower)) return said('list', true);
  if (GREET.test(lower) && read.day === null) return said('greet', false);
  if (HELP.test(lower)) return said('help', false);
  const dated = read.day !== null || read.wish !== null;
  if (dated || BOOK_CUE.test(lower)) return said('book', false);
  return said(null, false);
}
