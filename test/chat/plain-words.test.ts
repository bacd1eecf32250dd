// The words engine over a table of phrasings: what each asks for (intent) and what it settles
// (provider, service, day, time), read at a fixed moment in Berlin.
import { describe, expect, it } from 'vitest';
import { bestMatches } from '../../src/chat/booking-words.ts';
import { fixTypos } from '../../src/chat/words/fix-typos.ts';
import { readPlainRequest } from '../../src/chat/words/plain-request.ts';
import { wishText } from '../../src/chat/words/time-wish.ts';
import { translatorFor } from '../../src/i18n/translator.ts';

/** Monday 2026-11-30, 09:00 in Berlin. */
const NOW = new Date('2026-11-30T08:00:00Z');
const ZONE = 'Europe/Berlin';
const EN = translatorFor('en');
const PROVIDERS = [{ name: 'Anna Weber' }, { name: 'Bob Stone' }];
const SERVICES = [
  { name: 'Massage' },
  { name: 'Check-up' },
  { name: 'Training' },
  { name: 'Consultation' },
];

type Settled = { provider?: string; service?: string; day?: string; time?: string };
type Row = [text: string, intent: string | null, settled: Settled];

const TUE = '2026-12-01';
const WED = '2026-12-02';
const THU = '2026-12-03';
const FRI = '2026-12-04';

const ROWS: Row[] = [
  // Booking, with every part settled or some.
  [
    'book a consultation tomorrow at 10',
    'book',
    { service: 'Consultation', day: TUE, time: 'at 10:00' },
  ],
  [
    'I need an appointment with Anna next week',
    'book',
    { provider: 'Anna Weber', day: '2026-12-07' },
  ],
  ['book a massage', 'book', { service: 'Massage' }],
  [
    'book massage with Anna tomorrow after 3pm',
    'book',
    { provider: 'Anna Weber', service: 'Massage', day: TUE, time: 'from 15:00' },
  ],
  ['Book me in with Bob on Friday', 'book', { provider: 'Bob Stone', day: FRI }],
  [
    'can I book a check-up on wednesday at 9:30?',
    'book',
    { service: 'Check-up', day: WED, time: 'at 09:30' },
  ],
  [
    'book a training session thursday morning',
    'book',
    { service: 'Training', day: THU, time: 'between 06:00 and 12:00' },
  ],
  ['book anything tomorrow afternoon', 'book', { day: TUE, time: 'between 12:00 and 17:00' }],
  [
    'book a massage friday evening',
    'book',
    { service: 'Massage', day: FRI, time: 'between 17:00 and 22:00' },
  ],
  [
    'book a massage tomorrow before 11',
    'book',
    { service: 'Massage', day: TUE, time: 'before 11:00' },
  ],
  ['book a massage tomorrow at 3', 'book', { service: 'Massage', day: TUE, time: 'at 15:00' }],
  ['book a massage tomorrow at 10am', 'book', { service: 'Massage', day: TUE, time: 'at 10:00' }],
  ['book a massage tomorrow at 2:30pm', 'book', { service: 'Massage', day: TUE, time: 'at 14:30' }],
  ['book a massage tomorrow at 14:00', 'book', { service: 'Massage', day: TUE, time: 'at 14:00' }],
  ['book a massage tomorrow at noon', 'book', { service: 'Massage', day: TUE, time: 'at 12:00' }],
  ['book a massage on dec 3', 'book', { service: 'Massage', day: THU }],
  [
    'book a massage on 4 December at 11',
    'book',
    { service: 'Massage', day: FRI, time: 'at 11:00' },
  ],
  ['schedule a check-up with dr weber', 'book', { provider: 'Anna Weber', service: 'Check-up' }],
  ['reserve a training with bob', 'book', { provider: 'Bob Stone', service: 'Training' }],
  [
    'book a massage today after 2 pm',
    'book',
    { service: 'Massage', day: '2026-11-30', time: 'from 14:00' },
  ],
  [
    'book a massage tonight',
    'book',
    { service: 'Massage', day: '2026-11-30', time: 'between 17:00 and 22:00' },
  ],
  [
    'book the afternoon on friday with anna',
    'book',
    { provider: 'Anna Weber', day: FRI, time: 'between 12:00 and 17:00' },
  ],
  // Without the word "book".
  ['I want a massage tomorrow', 'book', { service: 'Massage', day: TUE }],
  ["I'd like to see Anna on Thursday", 'book', { provider: 'Anna Weber', day: THU }],
  ['I need a check-up', 'book', { service: 'Check-up' }],
  ['massage tomorrow at 10', 'book', { service: 'Massage', day: TUE, time: 'at 10:00' }],
  ['tomorrow at 10', 'book', { day: TUE, time: 'at 10:00' }],
  ['friday afternoon', 'book', { day: FRI, time: 'between 12:00 and 17:00' }],
  ['any free slots with bob this friday?', 'book', { provider: 'Bob Stone', day: FRI }],
  [
    'is Anna available on wednesday after 1pm',
    'book',
    { provider: 'Anna Weber', day: WED, time: 'from 13:00' },
  ],
  [
    'get me a consultation with Anna Weber',
    'book',
    { provider: 'Anna Weber', service: 'Consultation' },
  ],
  ['make an appointment for a massage', 'book', { service: 'Massage' }],
  // Typos and loose names.
  ['book consultaton tomorow', 'book', { service: 'Consultation', day: TUE }],
  ['book a chekup with dr weber', 'book', { provider: 'Anna Weber', service: 'Check-up' }],
  ['book a massge tommorow at 10', 'book', { service: 'Massage', day: TUE, time: 'at 10:00' }],
  [
    'book trainig with bob on wednesay',
    'book',
    { provider: 'Bob Stone', service: 'Training', day: WED },
  ],
  ['book a massage nxt week', 'book', { service: 'Massage', day: '2026-12-07' }],
  ['book with ana webber on thursdy', 'book', { provider: 'Anna Weber', day: THU }],
  [
    'book a consultation on fridy morning',
    'book',
    { service: 'Consultation', day: FRI, time: 'between 06:00 and 12:00' },
  ],
  [
    'book a masage tmrw afternon',
    'book',
    { service: 'Massage', day: TUE, time: 'between 12:00 and 17:00' },
  ],
  ['I need an apointment with Bob', 'book', { provider: 'Bob Stone' }],
  ['book xylophone lessons tomorrow', 'book', { day: TUE }],
  // Cancelling.
  ['cancel my appointment', 'cancel', {}],
  ['Cancel my booking please', 'cancel', {}],
  ['please cancle my apointment', 'cancel', {}],
  ['I have to call off my massage', 'cancel', { service: 'Massage' }],
  ['can you cancel tomorrow?', 'cancel', { day: TUE }],
  // Moving.
  ['move my booking to Friday', 'move', { day: FRI }],
  ['reschedule my appointment', 'move', {}],
  [
    'reschedual my massage to thursday at 2pm',
    'move',
    { service: 'Massage', day: THU, time: 'at 14:00' },
  ],
  ['can I change my appointment to next week', 'move', { day: '2026-12-07' }],
  ['postpone my session', 'move', {}],
  [
    'push back my appointment to wednesday afternoon',
    'move',
    { day: WED, time: 'between 12:00 and 17:00' },
  ],
  // Listing.
  ['what have I booked?', 'list', {}],
  ['show my bookings', 'list', {}],
  ['my appointments', 'list', {}],
  ['when is my appointment?', 'list', {}],
  ['do I have anything booked', 'list', {}],
  ['which appointments do I have', 'list', {}],
  ['list my upcoming bookings', 'list', {}],
  // Greetings and help.
  ['hi', 'greet', {}],
  ['Hello!', 'greet', {}],
  ['hey there', 'greet', {}],
  ['good morning', 'greet', { time: 'between 06:00 and 12:00' }],
  ['help', 'help', {}],
  ['what can you do?', 'help', {}],
  ['how does this work', 'help', {}],
  // Nothing to place (the engine then looks for a name, then offers buttons).
  ['asdf qwer', null, {}],
  ['thanks', null, {}],
  ['massage', null, { service: 'Massage' }],
  ['Anna', null, { provider: 'Anna Weber' }],
];

/** The one item the words name, or undefined. */
function single(items: readonly { name: string }[], words: readonly string[]): string | undefined {
  const found = bestMatches(items, words);
  return found.length === 1 ? found[0]?.name : undefined;
}

function settledOf(text: string): { intent: string | null; settled: Settled } {
  const request = readPlainRequest(EN, text, ZONE, NOW);
  const { words, day, wish } = request.read;
  const found = {
    provider: single(PROVIDERS, words),
    service: single(SERVICES, words),
    day: day ?? undefined,
    time: wish ? wishText(EN, wish) : undefined,
  };
  const settled: Settled = Object.fromEntries(
    Object.entries(found).filter(([, value]) => value !== undefined),
  );
  return { intent: request.intent, settled };
}

describe('plain words', () => {
  it('has at least 60 phrasings', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(ROWS)('%s → %s', (text, intent, settled) => {
    expect(settledOf(text)).toEqual({ intent, settled });
  });

  it('leaves names and ordinary words alone when putting typos right', () => {
    expect(fixTypos('en', 'Tom Mark Anna massage book booked')).toBe(
      'Tom Mark Anna massage book booked',
    );
    expect(fixTypos('en', 'tomorow, wednesay or nxt week')).toBe(
      'tomorrow, wednesday or next week',
    );
  });

  it("reads the day in the client's zone", () => {
    // 23:30 UTC on Monday is already Tuesday in Berlin.
    const late = new Date('2026-11-30T23:30:00Z');
    expect(readPlainRequest(EN, 'book tomorrow', ZONE, late).read.day).toBe('2026-12-02');
    expect(readPlainRequest(EN, 'book tomorrow', 'America/New_York', late).read.day).toBe(TUE);
  });
});
