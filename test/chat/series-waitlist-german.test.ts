// A German reader on the real engine: the series preview, Book all and its reply, and /waitlist
// joining and listing read in German (formal Sie), with the same buttons doing the same things.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatUser } from '../../src/chat/chat-types.ts';
import {
  action,
  buttonData,
  buttonLabels,
  type ChatHarness,
  chatUser,
  command,
  createChatHarness,
  expectWithinLimits,
  say,
  seedCatalog,
  text,
  textOf,
} from './chat-harness.ts';

let h: ChatHarness;
let users = 0;

beforeAll(async () => {
  h = await createChatHarness();
  await seedCatalog(h);
});

/** A client whose platform says German and places them in Berlin. */
function germanBerliner(): ChatUser {
  users += 1;
  return {
    ...chatUser(`DE${users}`, `Kundin ${users}`, { timezone: 'Europe/Berlin' }),
    locale: 'de-DE',
  };
}

describe('a series in German', () => {
  it('previews, books all and says so in German', async () => {
    const user = germanBerliner();
    const preview = await say(
      h,
      user,
      text('book a massage with anna every tuesday at 10 for 4 weeks'),
    );
    expectWithinLimits(preview);
    expect(textOf(preview)).toContain(
      'Jeden Dienstag um 10:00 Uhr (Europe/Berlin), 4-mal, Massage bei Anna Weber:\n✓ Di., 1. Dez., 10:00\n✓ Di., 8. Dez., 10:00\n✓ Di., 15. Dez., 10:00\n✓ Di., 22. Dez., 10:00\nAlle 4 sind frei.',
    );
    expect(buttonLabels(preview)).toEqual(['Alle 4 buchen', 'Ändern', 'Abbrechen']);
    const bookAll = buttonData(preview, 'Alle 4 buchen');
    const booked = await say(h, user, action(bookAll));
    expect(textOf(booked)).toMatch(
      /^Gebucht: 4 von 4, Massage bei Anna Weber, jeden Dienstag um 10:00 Uhr \(Europe\/Berlin\)\n✓ Di\., 1\. Dez\., 10:00\n/,
    );
    expect(buttonLabels(booked)).toEqual(['Meine Buchungen']);
    const again = await say(h, user, action(bookAll));
    expect(textOf(again)).toContain('Diese Serie ist bereits gebucht');
  });

  it('asks how many weeks with German counts', async () => {
    const user = germanBerliner();
    const asked = await say(h, user, text('book a massage with anna every friday at 10'));
    expect(textOf(asked)).toContain('Wie viele Wochen?');
    expect(buttonLabels(asked)).toEqual([
      '4 Wochen',
      '8 Wochen',
      '12 Wochen',
      'Anderer Tag oder Uhrzeit',
      'Abbrechen',
    ]);
    const cancelled = await say(h, user, action(buttonData(asked, 'Abbrechen')));
    expect(textOf(cancelled)).toBe(
      'Abgebrochen: Es wurde nichts gebucht. Senden Sie /book, um neu zu beginnen.',
    );
  });
});

describe('/waitlist in German', () => {
  it('joins by words, lists the entry and removes it', async () => {
    const user = germanBerliner();
    const joined = await say(h, user, command('waitlist', 'massage with anna friday morning'));
    expect(textOf(joined)).toMatch(
      /^Sie stehen auf der Warteliste für Massage bei Anna Weber \(Fr\., 4\. Dez\., .+\)\. Ich schreibe Ihnen/,
    );
    const list = await say(h, user, command('waitlist'));
    expect(textOf(list)).toMatch(
      /^Sie stehen auf der Warteliste für:\n1\. Massage bei Anna Weber, Fr\., 4\. Dez\./,
    );
    expect(buttonLabels(list)).toEqual(['1 entfernen']);
    const removed = await say(h, user, action(buttonData(list, '1 entfernen')));
    expect(textOf(removed)).toMatch(/^Entfernt: Massage bei Anna Weber, Fr\., 4\. Dez\./);
    expect(textOf(removed)).toContain('Sie warten auf nichts. /book');
  });
});
