// German words over tables of phrasings, read by a German reader at fixed moments in Berlin (one of
// them the week the clocks go forward): what each asks for, the day, time and names it settles, the
// series and waitlist words, typos with umlauts, and English typed by a German reader.
import { describe, expect, it } from 'vitest';
import { bestMatches, readBookingWords } from '../../src/chat/booking-words.ts';
import { readSeriesWish } from '../../src/chat/series-words.ts';
import { isWaitRequestIn, partWords, readWaitWords } from '../../src/chat/waitlist-words.ts';
import { canDoMessage, onwardMessage } from '../../src/chat/words/can-do.ts';
import { fixTypos } from '../../src/chat/words/fix-typos.ts';
import { readPlainRequest } from '../../src/chat/words/plain-request.ts';
import { clockOf, wishText } from '../../src/chat/words/time-wish.ts';
import { translatorFor } from '../../src/i18n/translator.ts';

const DE = translatorFor('de');
const EN = translatorFor('en');
const ZONE = 'Europe/Berlin';
/** Monday 2026-11-30, 09:00 in Berlin. */
const NOW = new Date('2026-11-30T08:00:00Z');
const PROVIDERS = [{ name: 'Anna Weber' }, { name: 'Bob Stone' }];
const SERVICES = [{ name: 'Massage' }, { name: 'Beratung' }, { name: 'Check-up' }];

type Settled = { provider?: string; service?: string; day?: string; time?: string };

/** The one item the words name, or undefined. */
function single(items: readonly { name: string }[], words: readonly string[]): string | undefined {
  const found = bestMatches(items, words);
  return found.length === 1 ? found[0]?.name : undefined;
}

/** What the words ask for and settle, as a German reader types them at `now`. */
function settledOf(text: string, now = NOW): { intent: string | null; settled: Settled } {
  const request = readPlainRequest(DE, text, ZONE, now);
  const { words, day, wish } = request.read;
  const found = {
    provider: single(PROVIDERS, words),
    service: single(SERVICES, words),
    day: day ?? undefined,
    time: wish ? wishText(DE, wish) : undefined,
  };
  const settled: Settled = Object.fromEntries(
    Object.entries(found).filter(([, value]) => value !== undefined),
  );
  return { intent: request.intent, settled };
}

const TUE = '2026-12-01';
const WED = '2026-12-02';
const FRI = '2026-12-04';

describe('German requests', () => {
  it.each<[string, string | null, Settled]>([
    // Booking.
    ['Termin', 'book', {}],
    ['buchen', 'book', {}],
    ['Ich möchte einen Termin', 'book', {}],
    [
      'Massage bei Anna morgen um 10',
      'book',
      { provider: 'Anna Weber', service: 'Massage', day: TUE, time: 'um 10:00' },
    ],
    ['Termin morgen um 10', 'book', { day: TUE, time: 'um 10:00' }],
    ['Beratung übermorgen um 15:30', 'book', { service: 'Beratung', day: WED, time: 'um 15:30' }],
    ['Massage heute 16 Uhr', 'book', { service: 'Massage', day: '2026-11-30', time: 'um 16:00' }],
    ['Termin nächsten Dienstag', 'book', { day: '2026-12-08' }],
    ['Massage am Freitag um 3', 'book', { service: 'Massage', day: FRI, time: 'um 15:00' }],
    ['Termin am 12.', 'book', { day: '2026-12-12' }],
    ['Massage am 3. um 9', 'book', { service: 'Massage', day: '2026-12-03', time: 'um 09:00' }],
    ['Beratung am 24.12.', 'book', { service: 'Beratung', day: '2026-12-24' }],
    ['Termin bei Bob um 10', 'book', { provider: 'Bob Stone', time: 'um 10:00' }],
    ['morgen nachmittags', 'book', { day: TUE, time: 'zwischen 12:00 und 17:00' }],
    ['Freitag vormittags', 'book', { day: FRI, time: 'zwischen 06:00 und 12:00' }],
    ['morgen früh', 'book', { day: TUE, time: 'zwischen 06:00 und 12:00' }],
    ['morgens', 'book', { time: 'zwischen 06:00 und 12:00' }],
    ['heute Abend', 'book', { day: '2026-11-30', time: 'zwischen 17:00 und 22:00' }],
    ['abends um 7', 'book', { time: 'um 19:00' }],
    ['Massage morgen nach 15 Uhr', 'book', { service: 'Massage', day: TUE, time: 'ab 15:00' }],
    ['Termin Freitag vor 11 Uhr', 'book', { day: FRI, time: 'vor 11:00' }],
    [
      'Massage mit Anna nächste Woche',
      'book',
      { provider: 'Anna Weber', service: 'Massage', day: '2026-12-07' },
    ],
    // Cancel, move, list, help, greeting.
    ['absagen', 'cancel', {}],
    ['Termin stornieren', 'cancel', {}],
    ['Ich muss meinen Termin absagen', 'cancel', {}],
    ['Bitte sagen Sie meinen Termin ab', 'cancel', {}],
    ['verschieben', 'move', {}],
    ['Termin auf Freitag verschieben', 'move', { day: FRI }],
    ['umbuchen auf morgen um 11', 'move', { day: TUE, time: 'um 11:00' }],
    ['meine Termine', 'list', {}],
    ['Welche Termine habe ich?', 'list', {}],
    ['Was habe ich gebucht?', 'list', {}],
    ['Hilfe', 'help', {}],
    ['Was kannst du?', 'help', {}],
    ['Hallo', 'greet', {}],
    ['Guten Morgen!', 'greet', {}],
    // Waiting and series.
    ['Sagen Sie mir Bescheid, wenn am Freitag etwas frei wird', 'wait', { day: FRI }],
    ['Warteliste', 'wait', {}],
    ['jeden Dienstag um 10 für 8 Wochen', 'book', { day: TUE, time: 'um 10:00' }],
    ['alle zwei Wochen montags', 'book', {}],
    // Typos, umlauts spelt out.
    ['Termin naechsten Dienstag', 'book', { day: '2026-12-08' }],
    ['Massage uebermorgen', 'book', { service: 'Massage', day: WED }],
    ['Termn am Mittwoh um 9', 'book', { day: WED, time: 'um 09:00' }],
    ['Termin stornirn', 'cancel', {}],
    // Nothing the bot knows, and a name alone (the caller looks names up).
    ['blablub', null, {}],
    ['Massage', null, { service: 'Massage' }],
    // English typed by a German reader.
    ['book a massage tomorrow at 10', 'book', { service: 'Massage', day: TUE, time: 'um 10:00' }],
    ['cancel my appointment', 'cancel', {}],
    ['what have I booked?', 'list', {}],
  ])('%s → %s', (text, intent, settled) => {
    expect(settledOf(text)).toEqual({ intent, settled });
  });

  it('reads the day in the DST week in Berlin (clocks go forward on Sunday 28 March 2027)', () => {
    // Friday 2027-03-26, 10:00 in Berlin (UTC+1).
    const friday = new Date('2027-03-26T09:00:00Z');
    expect(settledOf('übermorgen um 10', friday).settled).toEqual({
      day: '2027-03-28',
      time: 'um 10:00',
    });
    expect(settledOf('Montag um 10', friday).settled).toEqual({
      day: '2027-03-29',
      time: 'um 10:00',
    });
    // 23:30 UTC on Saturday is Sunday 00:30 (UTC+1); 'morgen' is Monday.
    const lateSaturday = new Date('2027-03-27T23:30:00Z');
    expect(settledOf('morgen um 10', lateSaturday).settled.day).toBe('2027-03-29');
    // 22:30 UTC on Sunday is already Monday 00:30 (UTC+2): 'morgen' is Tuesday.
    const lateSunday = new Date('2027-03-28T22:30:00Z');
    expect(settledOf('morgen um 10', lateSunday).settled.day).toBe('2027-03-30');
    expect(settledOf('heute nachmittags', lateSunday).settled.day).toBe('2027-03-29');
  });

  it('keeps English readers reading English first', () => {
    expect(readPlainRequest(EN, 'book a massage tomorrow at 10', ZONE, NOW).read).toEqual(
      readPlainRequest(DE, 'book a massage tomorrow at 10', ZONE, NOW).read,
    );
    expect(readBookingWords(EN, 'massage tomorrow after 3pm', ZONE, NOW)).toEqual({
      words: ['massage'],
      day: TUE,
      time: { kind: 'from', minutes: 900 },
    });
  });
});

describe('German typos', () => {
  it.each([
    ['naechsten Dienstag', 'nächsten Dienstag'],
    ['uebermorgen', 'übermorgen'],
    ['Mittwoh', 'mittwoch'],
    ['Donerstag nachmitags', 'donnerstag nachmittags'],
    ['Termn verschiben', 'termin verschieben'],
    ['woechentlich fuer 8 Wochen', 'wöchentlich für 8 Wochen'],
  ])('%s reads as %s', (typed, fixed) => {
    expect(fixTypos('de', typed)).toBe(fixed);
  });

  it('leaves names and ordinary words alone', () => {
    const words = 'Massage Anna Weber Beratung Sabine Haarschnitt Sauna';
    expect(fixTypos('de', words)).toBe(words);
  });
});

describe('German series words', () => {
  const clock = (minutes: number | null) => (minutes === null ? null : clockOf(minutes));
  it.each<[string, number | null, string | null, number | null, number, string]>([
    ['jeden Dienstag um 10 für 8 Wochen', 2, '10:00', 8, 1, ''],
    ['alle zwei Wochen montags', 1, null, null, 2, ''],
    ['jeden Freitag um 15:30, 6 Mal', 5, '15:30', 6, 1, ''],
    ['Massage bei Anna jeden Mittwoch 10 Uhr für 3 Monate', 3, '10:00', 13, 1, 'massage bei anna'],
    ['alle 2 Wochen am Donnerstag um 4 x5', 4, '16:00', 5, 2, ''],
    ['jede zweite Woche Freitag um 11 für 10 Wochen', 5, '11:00', 5, 2, ''],
    ['wöchentlich dienstags um 10, acht Mal', 2, '10:00', 8, 1, ''],
    ['immer montags um 9', 1, '09:00', null, 1, ''],
    ['jeden Dienstag um 10 für 60 Wochen', 2, '10:00', 52, 1, ''],
  ])('%s', (text, weekday, time, occurrences, intervalWeeks, rest) => {
    const wish = readSeriesWish(DE, text);
    expect({
      weekday: wish?.weekday,
      time: clock(wish?.minutes ?? null),
      occurrences: wish?.occurrences,
      intervalWeeks: wish?.intervalWeeks,
      rest: wish?.rest,
    }).toEqual({ weekday, time, occurrences, intervalWeeks, rest });
  });

  it.each(['Massage morgen um 10', 'Termin am Dienstag um 10', 'meine Termine'])(
    '%s asks for no series',
    (text) => {
      expect(readSeriesWish(DE, text)).toBeNull();
    },
  );

  it('reads an English series for a German reader', () => {
    expect(readSeriesWish(DE, 'every Tuesday at 10 for 8 weeks')?.occurrences).toBe(8);
  });
});

describe('German waitlist words', () => {
  /** Monday 2026-12-07, 11:00 in Berlin. */
  const monday = new Date('2026-12-07T10:00:00Z');
  it.each<[string, string | null, string | null, string, string[]]>([
    [
      'Sagen Sie mir Bescheid, wenn am Freitag vormittags etwas frei wird',
      '2026-12-11',
      '2026-12-11',
      'MORNING',
      [],
    ],
    ['Warteliste für nächste Woche', '2026-12-14', '2026-12-20', 'ANY', []],
    ['Warteliste diese Woche', '2026-12-07', '2026-12-13', 'ANY', []],
    [
      'Bescheid geben, wenn am 12. eine Massage bei Anna frei wird',
      '2026-12-12',
      '2026-12-12',
      'ANY',
      ['massage', 'anna'],
    ],
    ['Warteliste morgen nachmittags', '2026-12-08', '2026-12-08', 'AFTERNOON', []],
    ['Warteliste am Wochenende', '2026-12-12', '2026-12-13', 'ANY', []],
    ['Warteliste Freitag bis Sonntag abends', '2026-12-11', '2026-12-13', 'EVENING', []],
    ['Benachrichtigen Sie mich, sobald ein Termin abgesagt wird', null, null, 'ANY', []],
    ['Warteliste', null, null, 'ANY', []],
  ])('%s', (text, from, to, part, words) => {
    expect(isWaitRequestIn('de', text)).toBe(true);
    expect(readWaitWords(DE, text, ZONE, monday)).toEqual({
      fromDate: from,
      toDate: to,
      partOfDay: part,
      words,
    });
  });

  it.each([
    'Massage morgen',
    'Termin absagen',
    'Was habe ich gebucht?',
    'Sagen Sie mir, was frei ist',
  ])('%s is no waitlist request', (text) => {
    expect(isWaitRequestIn('de', text)).toBe(false);
  });
});

describe('German words replies', () => {
  it('speaks German to a German reader and English to an English one', () => {
    expect(partWords(DE, 'MORNING')).not.toBe(partWords(EN, 'MORNING'));
    expect(partWords(DE, 'ANY')).toBe('');
    const de = canDoMessage(DE, 'blablub');
    expect(de.text).toContain('„blablub“');
    expect(de.text).not.toBe(canDoMessage(EN, 'blablub').text);
    expect(onwardMessage(DE).text).not.toBe(onwardMessage(EN).text);
    const labels = (t: typeof DE) => (onwardMessage(t).buttons ?? []).flat().map((b) => b.label);
    expect(labels(DE)).not.toEqual(labels(EN));
    expect(labels(DE)).toHaveLength(labels(EN).length);
  });
});
