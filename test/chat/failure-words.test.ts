// The chat words of refused times (nearest times, limits, empty days) in the reader's clock.

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeFailure } from '../../src/chat/failure-reply.ts';
import { noticePhrase } from '../../src/chat/limit-words.ts';
import { noSlotsWords } from '../../src/chat/no-slots-words.ts';
import { services } from '../../src/db/schema/providers.ts';
import type { BookingLimits, Failure, NearestTimes } from '../../src/domain/outcome.ts';
import { translatorFor } from '../../src/i18n/translator.ts';

import {
  action,
  allButtons,
  buttonData,
  type Catalog,
  type ChatHarness,
  chatUser,
  command,
  createChatHarness,
  say,
  seedCatalog,
  textOf,
} from './chat-harness.ts';

const BERLIN = 'Europe/Berlin';
const en = translatorFor('en');
const de = translatorFor('de');
const limits: BookingLimits = {
  minNoticeMinutes: 120,
  maxAdvanceDays: 60,
  earliest: new Date('2026-11-30T08:00:00Z'),
  latest: new Date('2027-01-29T06:00:00Z'),
};
const nine = new Date('2026-12-01T08:00:00Z');
const nineForty = new Date('2026-12-01T08:40:00Z');
const NONE: NearestTimes = { before: null, after: null };

type UnavailableReason = Extract<Failure, { code: 'SLOT_UNAVAILABLE' }>['reason'];

function unavailable(reason: UnavailableReason, nearest: NearestTimes): Failure {
  return { ok: false, code: 'SLOT_UNAVAILABLE', reason, limits, nearest };
}

const FREE = 'These times are still free:';

describe('describeFailure for refused times', () => {
  it.each<[string, Failure, string]>([
    [
      'off the grid, both neighbours',
      unavailable('OFF_GRID', { before: nine, after: nineForty }),
      `That time isn't on the schedule; the nearest times are 09:00 and 09:40 (your time). ${FREE}`,
    ],
    [
      'off the grid, only a later time',
      unavailable('OFF_GRID', { before: null, after: nineForty }),
      `That time isn't on the schedule; the nearest time is 09:40 (your time). ${FREE}`,
    ],
    [
      'outside the hours, no time that day',
      unavailable('OUTSIDE_AVAILABILITY', NONE),
      `That time is outside the provider's hours. ${FREE}`,
    ],
    [
      'too far ahead names the horizon',
      unavailable('TOO_FAR_AHEAD', NONE),
      `That time is too far ahead to book; bookings open 60 days ahead (until Fri 29 Jan 2027). ${FREE}`,
    ],
    [
      'too soon names the notice and the first time left',
      unavailable('TOO_SOON', { before: null, after: nineForty }),
      `That time is now too close to book; bookings need 2 hours' notice; the nearest time is 09:40 (your time). ${FREE}`,
    ],
    ['in the past', unavailable('IN_THE_PAST', NONE), `That time has already passed. ${FREE}`],
    [
      'taken, with its free neighbours',
      { ok: false, code: 'SLOT_TAKEN', nearest: { before: nine, after: nineForty } },
      `Someone was faster and has just taken that time. ${FREE} The nearest times are 09:00 and 09:40 (your time).`,
    ],
    [
      'taken in a lost race (no neighbours known)',
      { ok: false, code: 'SLOT_TAKEN' },
      `Someone was faster and has just taken that time. ${FREE}`,
    ],
    [
      'blocked without details, as before',
      { ok: false, code: 'SLOT_UNAVAILABLE', reason: 'BLOCKED' },
      `The provider has just blocked that time. ${FREE}`,
    ],
  ])('%s', (_name, failure, text) => {
    expect(describeFailure(en, failure, BERLIN)).toEqual({ text, recovery: 'fresh-times' });
  });

  it("names times in the reader's zone", () => {
    const failure = unavailable('OFF_GRID', { before: nine, after: nineForty });
    expect(describeFailure(en, failure, 'America/New_York').text).toContain(
      '03:00 and 03:40 (your time)',
    );
  });
});

describe('noSlotsWords', () => {
  it.each<[string, Parameters<typeof noSlotsWords>[1], string]>([
    ['all taken', null, 'There are no free times on Tue 1 Dec 2026.'],
    ['past', { reason: 'IN_THE_PAST' }, 'Tue 1 Dec 2026 is over; please choose a later day.'],
    [
      'too far ahead',
      { reason: 'TOO_FAR_AHEAD', maxAdvanceDays: 60, latest: Date.parse('2027-01-29T06:00:00Z') },
      'Tue 1 Dec 2026 is too far ahead: bookings open 60 days ahead (until Fri 29 Jan 2027).',
    ],
    [
      'too soon',
      { reason: 'TOO_SOON', minNoticeMinutes: 1440, earliest: Date.parse('2026-12-02T08:00:00Z') },
      "Bookings need 1 day's notice, so nothing on Tue 1 Dec 2026 can be booked any more " +
        '(the earliest is 09:00 on Wed 2 Dec 2026, your time).',
    ],
    ['blocked', { reason: 'BLOCKED' }, 'The provider is away on Tue 1 Dec 2026.'],
    ['closed', { reason: 'CLOSED' }, "The provider doesn't work on Tue 1 Dec 2026."],
  ])('%s', (_name, why, text) => {
    expect(noSlotsWords(en, why, '2026-12-01', BERLIN)).toBe(text);
  });

  it.each([
    [30, "30 minutes' notice"],
    [1, "1 minute's notice"],
    [60, "1 hour's notice"],
    [90, "90 minutes' notice"],
    [180, "3 hours' notice"],
    [2880, "2 days' notice"],
  ])('notice of %i minutes reads %s', (minutes, words) => {
    expect(noticePhrase(en, minutes)).toBe(words);
  });
});

describe('refused times in German', () => {
  it.each<[string, Failure, string]>([
    [
      'off the grid, both neighbours',
      unavailable('OFF_GRID', { before: nine, after: nineForty }),
      'Diese Zeit steht nicht im Terminplan; die nächsten freien Zeiten sind 09:00 und 09:40 (Ihre Zeit). Diese Zeiten sind noch frei:',
    ],
    [
      'too far ahead names the horizon',
      unavailable('TOO_FAR_AHEAD', NONE),
      'Diese Zeit liegt zu weit in der Zukunft, um sie zu buchen; Buchungen sind 60 Tage im Voraus möglich (bis Fr., 29. Jan. 2027). Diese Zeiten sind noch frei:',
    ],
    [
      'too soon names the notice and the first time left',
      unavailable('TOO_SOON', { before: null, after: nineForty }),
      'Diese Zeit ist jetzt zu knapp, um sie zu buchen; Buchungen brauchen 2 Stunden Vorlauf; die nächste freie Zeit ist 09:40 (Ihre Zeit). Diese Zeiten sind noch frei:',
    ],
    [
      'taken, with one free neighbour',
      { ok: false, code: 'SLOT_TAKEN', nearest: { before: null, after: nineForty } },
      'Jemand war schneller und hat diese Zeit gerade gebucht. Diese Zeiten sind noch frei: Die nächste freie Zeit ist 09:40 (Ihre Zeit).',
    ],
  ])('%s', (_name, failure, text) => {
    expect(describeFailure(de, failure, BERLIN)).toEqual({ text, recovery: 'fresh-times' });
  });

  it.each<[string, Parameters<typeof noSlotsWords>[1], string]>([
    ['all taken', null, 'Am Di., 1. Dez. 2026 gibt es keine freien Zeiten.'],
    [
      'too soon',
      { reason: 'TOO_SOON', minNoticeMinutes: 1440, earliest: Date.parse('2026-12-02T08:00:00Z') },
      'Buchungen brauchen 1 Tag Vorlauf, daher kann am Di., 1. Dez. 2026 nichts mehr gebucht ' +
        'werden (frühestens um 09:00 am Mi., 2. Dez. 2026, Ihre Zeit).',
    ],
    ['closed', { reason: 'CLOSED' }, 'Am Di., 1. Dez. 2026 arbeitet der Anbieter nicht.'],
  ])('an empty day: %s', (_name, why, text) => {
    expect(noSlotsWords(de, why, '2026-12-01', BERLIN)).toBe(text);
  });

  it.each([
    [1, '1 Minute Vorlauf'],
    [90, '90 Minuten Vorlauf'],
    [60, '1 Stunde Vorlauf'],
    [1440, '1 Tag Vorlauf'],
    [2880, '2 Tage Vorlauf'],
  ])('notice of %i minutes reads %s', (minutes, words) => {
    expect(noticePhrase(de, minutes)).toBe(words);
  });
});

describe('a refused time in a chat booking', () => {
  let h: ChatHarness;
  let c: Catalog;
  beforeAll(async () => {
    h = await createChatHarness();
    c = await seedCatalog(h);
  });

  it('off the grid after the grid changed: names the nearest times and offers the free ones', async () => {
    const user = chatUser('401', 'Client 401', { timezone: 'Europe/London' });
    let replies = await say(h, user, command('book'));
    for (const label of ['Anna Weber', 'Massage', 'Fri 4 Dec', '09:00 (10:00 Berlin time)']) {
      replies = await say(h, user, action(buttonData(replies, label)));
    }
    expect(textOf(replies)).toContain('Please confirm');
    // Meanwhile the provider moves Massage to a 40-minute grid: 10:00 Berlin is off it.
    await h.db.db
      .update(services)
      .set({ slotIntervalMinutes: 40 })
      .where(eq(services.id, c.massage));
    const refused = await say(h, user, action(buttonData(replies, 'Confirm')));
    expect(refused[0]?.text).toContain(
      "That time isn't on the schedule; the nearest times are 08:40 and 09:20 (your time). " +
        'These times are still free:',
    );
    const labels = allButtons(refused).map((b) => b.label);
    expect(labels).toContain('08:40 (09:40 Berlin time)');
    expect(labels).toContain('09:20 (10:20 Berlin time)');
    const summary = await say(h, user, action(buttonData(refused, '08:40 (09:40 Berlin time)')));
    const booked = await say(h, user, action(buttonData(summary, 'Confirm')));
    expect(textOf(booked)).toContain('Booked');
  });
});
