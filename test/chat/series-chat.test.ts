// Weekly series in chat on the real engine and database: words and buttons to the preview, Book
// all / Book the free ones, a second press, a date taken after the preview, a changed mind, a
// person without a zone, typos, DST, and Repeat weekly on a one-off booking's summary.
import { and, eq, isNotNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookAppointment } from '../../src/booking/book-appointment.ts';
import type { ChatUser } from '../../src/chat/chat-types.ts';
import { appointments } from '../../src/db/schema/appointments.ts';
import { chatIdentities } from '../../src/db/schema/chat.ts';
import { addClient } from '../support/fixtures.ts';
import {
  action,
  buttonData,
  buttonLabels,
  type Catalog,
  type ChatHarness,
  chatUser,
  command,
  createChatHarness,
  expectWithinLimits,
  NOW,
  say,
  seedCatalog,
  text,
  textOf,
} from './chat-harness.ts';

let h: ChatHarness;
let c: Catalog;
let users = 0;

beforeAll(async () => {
  h = await createChatHarness();
  c = await seedCatalog(h);
});

/** A client the platform places in Berlin. */
function berliner(): ChatUser {
  users += 1;
  return chatUser(`S${users}`, `Series ${users}`, { timezone: 'Europe/Berlin' });
}

async function seriesRowsOf(user: ChatUser) {
  const [identity] = await h.db.db
    .select()
    .from(chatIdentities)
    .where(eq(chatIdentities.platformUserId, user.platformUserId));
  if (!identity?.clientId) return [];
  return h.db.db
    .select()
    .from(appointments)
    .where(and(eq(appointments.clientId, identity.clientId), isNotNull(appointments.seriesId)))
    .orderBy(appointments.startTime);
}

/** Someone else books Anna's massage at `start` (UTC) first. */
async function takenBySomeoneElse(start: string): Promise<void> {
  const clientId = await addClient(h.db.db, `Other ${start}`);
  const booked = await bookAppointment(
    h.db.db,
    {
      providerId: c.anna,
      serviceId: c.massage,
      clientId,
      startTime: new Date(start),
      notes: null,
      idempotencyKey: `other-${start}`,
      actor: `client:${clientId}`,
      paymentHoldMinutes: null,
    },
    NOW,
  );
  expect(booked.ok).toBe(true);
}

describe('a series in words', () => {
  it('previews every date, books all of them once, and a second press books nothing more', async () => {
    const user = berliner();
    const preview = await say(
      h,
      user,
      text('book a massage with anna every tuesday at 10 for 4 weeks'),
    );
    expectWithinLimits(preview);
    expect(textOf(preview)).toContain(
      'Every Tuesday at 10:00 (Europe/Berlin), 4 times, Massage with Anna Weber:\n✓ Tue 1 Dec, 10:00\n✓ Tue 8 Dec, 10:00\n✓ Tue 15 Dec, 10:00\n✓ Tue 22 Dec, 10:00\nAll 4 are free.',
    );
    expect(buttonLabels(preview)).toEqual(['Book all 4', 'Change', 'Cancel']);
    const bookAll = buttonData(preview, 'Book all 4');

    const booked = await say(h, user, action(bookAll));
    expect(textOf(booked)).toMatch(
      /^Booked 4 of 4: Massage with Anna Weber, every Tuesday at 10:00 \(Europe\/Berlin\)\n✓ Tue 1 Dec, 10:00\n/,
    );
    expect(textOf(booked)).toContain('✓ Tue 22 Dec, 10:00');
    expect(buttonLabels(booked)).toEqual(['My bookings']);
    const rows = await seriesRowsOf(user);
    expect(rows.map((r) => r.startTime.toISOString())).toEqual([
      '2026-12-01T09:00:00.000Z',
      '2026-12-08T09:00:00.000Z',
      '2026-12-15T09:00:00.000Z',
      '2026-12-22T09:00:00.000Z',
    ]);
    expect(new Set(rows.map((r) => r.seriesId)).size).toBe(1);

    // The stale Book all pressed again: a plain answer with a way on, and nothing booked twice.
    const again = await say(h, user, action(bookAll));
    expect(textOf(again)).toContain('This series is already booked');
    expect(buttonLabels(again)).toEqual(['My bookings']);
    expect(await seriesRowsOf(user)).toHaveLength(4);
  });

  it('marks a taken date and books the free ones, listing the skipped one', async () => {
    await takenBySomeoneElse('2026-12-09T13:00:00Z');
    const user = berliner();
    const preview = await say(
      h,
      user,
      text('massage with anna every wednesday at 2pm for 3 weeks'),
    );
    expect(textOf(preview)).toContain(
      '✓ Wed 2 Dec, 14:00\n✗ Wed 9 Dec, 14:00 (taken)\n✓ Wed 16 Dec, 14:00\n2 of 3 are free.',
    );
    expect(buttonLabels(preview)).toEqual(['Book the 2 free ones', 'Change', 'Cancel']);
    const booked = await say(h, user, action(buttonData(preview, 'Book the 2 free ones')));
    expect(textOf(booked)).toMatch(
      /^Booked 2 of 3: Massage with Anna Weber, every Wednesday at 14:00/,
    );
    expect(textOf(booked)).toContain('Skipped:\n✗ Wed 9 Dec, 14:00 (taken)');
    expect(await seriesRowsOf(user)).toHaveLength(2);
  });

  it('a date taken after the preview: Book all shows the fresh preview, then the free ones book', async () => {
    const user = berliner();
    const preview = await say(
      h,
      user,
      text('book a massage with anna every thursday at 11 for 3 weeks'),
    );
    expect(textOf(preview)).toContain('All 3 are free.');
    await takenBySomeoneElse('2026-12-10T10:00:00Z');
    const fresh = await say(h, user, action(buttonData(preview, 'Book all 3')));
    expect(textOf(fresh)).toContain('Someone has just taken a date of this series.');
    expect(textOf(fresh)).toContain('✗ Thu 10 Dec, 11:00 (taken)');
    expect(await seriesRowsOf(user)).toHaveLength(0);
    const booked = await say(h, user, action(buttonData(fresh, 'Book the 2 free ones')));
    expect(textOf(booked)).toMatch(/^Booked 2 of 3/);
    expect(await seriesRowsOf(user)).toHaveLength(2);
  });

  it('52 weeks: the dates past the booking horizon fold into one line, and the free ones book', async () => {
    const user = berliner();
    const preview = await say(h, user, text('massage with anna every tuesday at 11 for 52 weeks'));
    const shown = textOf(preview);
    expect(shown).toContain('52 times, Massage with Anna Weber:\n✓ Tue 1 Dec, 11:00\n');
    expect(shown).toContain(
      '✓ Tue 26 Jan, 11:00\n✗ Tue 2 Feb to Tue 23 Nov, 11:00: 43 dates (too far ahead to book)\n9 of 52 are free.',
    );
    // Short enough for one Discord message.
    expect(shown.length).toBeLessThan(2000);
    const booked = await say(h, user, action(buttonData(preview, 'Book the 9 free ones')));
    expect(textOf(booked)).toContain(
      'Skipped:\n✗ Tue 2 Feb to Tue 23 Nov, 11:00: 43 dates (too far ahead to book)',
    );
    expect(await seriesRowsOf(user)).toHaveLength(9);
  });

  it('Book all pressed twice at once books the series once', async () => {
    const user = berliner();
    const preview = await say(h, user, text('massage with anna every friday at 11 for 3 weeks'));
    const press = action(buttonData(preview, 'Book all 3'));
    const [a, b] = await Promise.all([say(h, user, press), say(h, user, press)]);
    for (const reply of [a, b]) {
      expect(textOf(reply)).toMatch(/^(Booked 3 of 3: |This series is already booked)/);
    }
    const rows = await seriesRowsOf(user);
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.seriesId)).size).toBe(1);
  });

  it('a service that needs approval is requested, date by date', async () => {
    const user = berliner();
    const preview = await say(
      h,
      user,
      text('check-up with anna every wednesday at 10 for 2 weeks'),
    );
    expect(textOf(preview)).toContain('2 times, Check-up with Anna Weber:');
    const asked = await say(h, user, action(buttonData(preview, 'Book all 2')));
    expect(textOf(asked)).toMatch(/^Requested 2 of 2: Check-up with Anna Weber, every Wednesday/);
    expect(textOf(asked)).toContain("Anna Weber approves each one; I'll tell you.");
    const rows = await seriesRowsOf(user);
    expect(rows.map((r) => r.status)).toEqual(['PENDING', 'PENDING']);
  });

  it('words without names: who and what are picked with the booking steps, then the preview', async () => {
    const user = berliner();
    const who = await say(h, user, text('every tuesday at 13 for 2 weeks'));
    expect(textOf(who)).toContain('Who would you like to book?');
    const what = await say(h, user, action(buttonData(who, 'Anna Weber')));
    expect(textOf(what)).toContain('What would you like to book with Anna Weber?');
    const preview = await say(h, user, action(buttonData(what, 'Massage')));
    expect(textOf(preview)).toContain(
      'Every Tuesday at 13:00 (Europe/Berlin), 2 times, Massage with Anna Weber:\n✓ Tue 1 Dec, 13:00\n✓ Tue 8 Dec, 13:00',
    );
    // The provider list's button pressed again now: it no longer fits the step, a fresh menu.
    const stale = await say(h, user, action(buttonData(who, 'Anna Weber')));
    expect(textOf(stale)).toContain('That menu has expired');
  });

  it('no day or time in the words: the booking steps pick the first date, Repeat weekly on its summary', async () => {
    const user = berliner();
    const days = await say(h, user, text('book a weekly massage with anna'));
    expect(textOf(days)).toContain(
      'Pick the first date and time; on the summary, press "Repeat weekly" to make it a series.\nMassage with Anna Weber. Which day?',
    );
  });

  it('more than 52 dates asked: says so and plans 52', async () => {
    const user = berliner();
    const preview = await say(h, user, text('massage with anna every monday at 9 for 60 weeks'));
    expect(textOf(preview)).toMatch(
      /^A series has at most 52 dates, so I planned 52\.\nEvery Monday at 09:00 \(Europe\/Berlin\), 52 times/,
    );
  });

  it('asks How many weeks? when the words give no count', async () => {
    const user = berliner();
    const asked = await say(h, user, text('massage with anna every friday at 9'));
    expect(textOf(asked)).toContain(
      'Massage with Anna Weber, every Friday at 09:00 (Europe/Berlin).\nHow many weeks?',
    );
    expect(buttonLabels(asked)).toEqual([
      '4 weeks',
      '8 weeks',
      '12 weeks',
      'Other day or time',
      'Cancel',
    ]);
    const preview = await say(h, user, action(buttonData(asked, '8 weeks')));
    expect(textOf(preview)).toContain('8 times, Massage with Anna Weber:');
    expect(textOf(preview)).toContain('✓ Fri 22 Jan, 09:00');
  });

  it('takes a count typed at How many weeks? as the buttons would', async () => {
    const user = berliner();
    await say(h, user, text('massage with anna every friday at 9'));
    const preview = await say(h, user, text('6 weeks'));
    expect(textOf(preview)).toContain('6 times, Massage with Anna Weber:');
    const other = berliner();
    await say(h, other, text('massage with anna every other friday at 10'));
    const times = await say(h, other, text('3 times'));
    expect(textOf(times)).toContain('3 times, Massage with Anna Weber:');
  });

  it('answers words that are no count at How many weeks? with the way on', async () => {
    const user = berliner();
    await say(h, user, text('massage with anna every friday at 9'));
    const reply = await say(h, user, text('zero'));
    expect(textOf(reply)).not.toContain('times, Massage');
    expect(buttonLabels(reply).length).toBeGreaterThan(0);
  });

  it('reads typos and every other week', async () => {
    const user = berliner();
    const preview = await say(h, user, text('masage with ana evry other tusday at 3pm for 6 weks'));
    expect(textOf(preview)).toContain(
      'Every other Tuesday at 15:00 (Europe/Berlin), 3 times, Massage with Anna Weber:\n✓ Tue 1 Dec, 15:00\n✓ Tue 15 Dec, 15:00\n✓ Tue 29 Dec, 15:00',
    );
  });

  it('a changed mind: Change asks the weeks again, Cancel books nothing', async () => {
    const user = berliner();
    const preview = await say(
      h,
      user,
      text('book a massage with anna every monday at 16 for 8 weeks'),
    );
    const change = await say(h, user, action(buttonData(preview, 'Change')));
    expect(textOf(change)).toContain('What would you like to change?');
    const shorter = await say(h, user, action(buttonData(change, '4 weeks')));
    expect(textOf(shorter)).toContain('4 times, Massage with Anna Weber:');
    const cancelled = await say(h, user, action(buttonData(shorter, 'Cancel')));
    expect(textOf(cancelled)).toBe('Cancelled: nothing was booked. Send /book to start again.');
    // The preview's Book button after Cancel is stale: a fresh menu, nothing booked.
    const late = await say(h, user, action(buttonData(shorter, 'Book all 4')));
    expect(textOf(late)).toContain('That menu has expired');
    expect(await seriesRowsOf(user)).toHaveLength(0);
  });

  it('none free: says so and offers another day or time, which goes to the days', async () => {
    const user = berliner();
    const preview = await say(h, user, text('massage with anna every saturday at 10 for 4 weeks'));
    expect(textOf(preview)).toContain(
      "✗ Sat 5 Dec to Sat 26 Dec, 10:00: 4 dates (outside the provider's hours)",
    );
    expect(textOf(preview)).toContain('None of these dates is free.');
    expect(buttonLabels(preview)).toEqual(['Other day or time', 'Change', 'Cancel']);
    const days = await say(h, user, action(buttonData(preview, 'Other day or time')));
    expect(textOf(days)).toContain('Pick the first date and time');
    expect(textOf(days)).toContain('Which day?');
  });

  it('asks a person without a zone first, then carries on with the series', async () => {
    users += 1;
    const user = chatUser(`S${users}`, 'Zoe');
    const asked = await say(h, user, text('massage with anna every tuesday at 12 for 4 weeks'));
    expect(textOf(asked)).toContain('Which time zone are you in?');
    const preview = await say(h, user, action(buttonData(asked, 'Berlin')));
    expect(textOf(preview)).toContain(
      'Every Tuesday at 12:00 (Europe/Berlin), 4 times, Massage with Anna Weber:',
    );
  });

  it('keeps 10:00 every week across the end of summer time', async () => {
    const user = berliner();
    const monday = new Date('2026-10-19T08:00:00Z');
    const preview = await say(
      h,
      user,
      text('massage with anna every tuesday at 10 for 3 weeks'),
      monday,
    );
    expect(textOf(preview)).toContain(
      '✓ Tue 20 Oct, 10:00\n✓ Tue 27 Oct, 10:00\n✓ Tue 3 Nov, 10:00',
    );
    await say(h, user, action(buttonData(preview, 'Book all 3')), monday);
    const rows = await seriesRowsOf(user);
    expect(rows.map((r) => r.startTime.toISOString())).toEqual([
      '2026-10-20T08:00:00.000Z',
      '2026-10-27T09:00:00.000Z',
      '2026-11-03T09:00:00.000Z',
    ]);
  });
});

describe('one date of a series in /mybookings', () => {
  it('shows its place in the series; cancelling or moving one date leaves the others', async () => {
    const user = berliner();
    const preview = await say(h, user, text('massage with anna every monday at 13 for 3 weeks'));
    await say(h, user, action(buttonData(preview, 'Book all 3')));
    const list = await say(h, user, command('mybookings'));
    expect(textOf(list)).toContain(
      '1. Mon 30 Nov, 13:00: Massage with Anna Weber (confirmed; weekly, 1 of 3)',
    );
    expect(textOf(list)).toContain(
      '3. Mon 14 Dec, 13:00: Massage with Anna Weber (confirmed; weekly, 3 of 3)',
    );

    const ask = await say(h, user, action(buttonData(list, 'Cancel 1')));
    const done = await say(h, user, action(buttonData(ask, 'Yes, cancel it')));
    expect(textOf(done)).toMatch(/^Cancelled: Massage with Anna Weber/);
    const days = await say(
      h,
      user,
      action(buttonData(await say(h, user, command('mybookings')), 'Reschedule 1')),
    );
    const times = await say(h, user, action(buttonData(days, 'Tue 8 Dec')));
    const summary = await say(h, user, action(buttonData(times, '16:00')));
    expect(textOf(await say(h, user, action(buttonData(summary, 'Confirm'))))).toMatch(/^Moved/);

    const rows = await seriesRowsOf(user);
    expect(rows.map((r) => [r.startTime.toISOString(), r.status])).toEqual([
      ['2026-11-30T12:00:00.000Z', 'CANCELLED'],
      ['2026-12-08T15:00:00.000Z', 'CONFIRMED'],
      ['2026-12-14T12:00:00.000Z', 'CONFIRMED'],
    ]);
    // The moved date is off its planned day: still marked as part of the series.
    const after = await say(h, user, command('mybookings'));
    expect(textOf(after)).toContain(
      'Tue 8 Dec, 16:00: Massage with Anna Weber (confirmed; weekly series)',
    );
    expect(textOf(after)).toContain(
      'Mon 14 Dec, 13:00: Massage with Anna Weber (confirmed; weekly, 3 of 3)',
    );
  });
});

describe('Cancel series in /mybookings', () => {
  it('asks first, then cancels the upcoming dates only; Keep it keeps them', async () => {
    const user = berliner();
    const preview = await say(h, user, text('massage with anna every thursday at 3pm for 3 weeks'));
    await say(h, user, action(buttonData(preview, 'Book all 3')));
    const list = await say(h, user, command('mybookings'));
    expectWithinLimits(list);
    expect(buttonLabels(list).slice(0, 3)).toEqual(['Reschedule 1', 'Cancel 1', 'Cancel series 1']);

    const ask = await say(h, user, action(buttonData(list, 'Cancel series 1')));
    expect(textOf(ask)).toBe(
      'Cancel the whole series of Massage with Anna Weber?\nIts 3 upcoming dates go: Thu 3 Dec, 15:00; Thu 10 Dec, 15:00; Thu 17 Dec, 15:00.\nPast dates stay as they are.',
    );
    const kept = await say(h, user, action(buttonData(ask, 'Keep it')));
    expect(textOf(kept)).toContain('Kept: nothing changed.');

    // Days on, the first date is past: only the two upcoming ones go, the first stays.
    const later = new Date('2026-12-04T08:00:00Z');
    const again = await say(h, user, command('mybookings'), later);
    const ask2 = await say(h, user, action(buttonData(again, 'Cancel series 1')), later);
    expect(textOf(ask2)).toContain(
      'Its 2 upcoming dates go: Thu 10 Dec, 15:00; Thu 17 Dec, 15:00.',
    );
    const done = await say(h, user, action(buttonData(ask2, 'Yes, cancel the series')), later);
    expect(textOf(done)).toBe(
      'Cancelled: the series, 2 upcoming dates\n✗ Thu 10 Dec, 15:00\n✗ Thu 17 Dec, 15:00',
    );
    expect(buttonLabels(done)).toEqual(['My bookings', 'Book']);
    const rows = await seriesRowsOf(user);
    expect(rows.map((r) => r.status)).toEqual(['CONFIRMED', 'CANCELLED', 'CANCELLED']);
    // The yes pressed again: its flow is over, so a fresh menu; nothing else changes.
    const stale = await say(h, user, action(buttonData(ask2, 'Yes, cancel the series')), later);
    expect(textOf(stale)).toContain('That menu has expired');
  });

  it('says which dates are still due when cancelled late', async () => {
    const user = berliner();
    const preview = await say(h, user, text('massage with anna every monday at 15 for 2 weeks'));
    await say(h, user, action(buttonData(preview, /^Book/)));
    const list = await say(h, user, command('mybookings'));
    const ask = await say(h, user, action(buttonData(list, 'Cancel series 1')));
    expect(textOf(ask)).toContain(
      'Mon 30 Nov, 15:00 is less than 24 hours away, so its €50.00 is still due.',
    );
    expect(textOf(ask)).not.toContain('Mon 7 Dec, 15:00 is less than');
  });
});

describe('Repeat weekly on the summary', () => {
  it('turns the chosen time into a series, asks the weeks, then books it', async () => {
    const user = berliner();
    const summary = await say(h, user, command('book', 'massage with anna thursday at 9'));
    expect(textOf(summary)).toContain('Please confirm');
    expect(buttonLabels(summary)).toEqual(['Confirm', 'Repeat weekly', 'Cancel']);
    const asked = await say(h, user, action(buttonData(summary, 'Repeat weekly')));
    expect(textOf(asked)).toContain('every Thursday at 09:00 (Europe/Berlin).\nHow many weeks?');
    const preview = await say(h, user, action(buttonData(asked, '4 weeks')));
    expect(textOf(preview)).toContain('✓ Thu 3 Dec, 09:00\n✓ Thu 10 Dec, 09:00');
    const booked = await say(h, user, action(buttonData(preview, /^Book /)));
    expect(textOf(booked)).toMatch(/^Booked \d of 4: Massage with Anna Weber, every Thursday/);
    // The summary's own Confirm is stale now: nothing booked on its own.
    const stale = await say(h, user, action(buttonData(summary, 'Confirm')));
    expect(textOf(stale)).toContain('That menu has expired');
  });

  it('is not offered when moving an appointment', async () => {
    const user = berliner();
    const first = await say(h, user, command('book', 'massage with anna friday at 15'));
    const booked = await say(h, user, action(buttonData(first, 'Confirm')));
    expect(textOf(booked)).toMatch(/^Booked/);
    const list = await say(h, user, command('mybookings'));
    const days = await say(h, user, action(buttonData(list, 'Reschedule 1')));
    const times = await say(h, user, action(buttonData(days, /^Mon/)));
    const summary = await say(h, user, action(buttonData(times, '10:00')));
    expect(textOf(summary)).toContain('Move Massage with Anna Weber');
    expect(buttonLabels(summary)).toEqual(['Confirm', 'Cancel']);
  });
});
