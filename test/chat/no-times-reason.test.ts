// A wished-for day with no times says why: too far ahead, not a working day, or all taken.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatUser } from '../../src/chat/chat-types.ts';
import {
  type ChatHarness,
  chatUser,
  command,
  createChatHarness,
  say,
  seedCatalog,
  textOf,
} from './chat-harness.ts';

let h: ChatHarness;

beforeAll(async () => {
  h = await createChatHarness();
  await seedCatalog(h);
});

function berliner(id: string): ChatUser {
  return chatUser(id, `Client ${id}`, { timezone: 'Europe/Berlin' });
}

// The harness's now is Monday 30 Nov 2026; the massage books up to 60 days ahead, weekdays only.
describe('a day without times names the reason', () => {
  it.each([
    ['a day past the booking horizon', '2027-03-15', /too far ahead.*60 days/s],
    ['a Saturday Anna does not work', '2026-12-05', /doesn't work on Sat 5 Dec 2026/],
    ['a day already over', '2026-11-27', /Fri 27 Nov 2026 is over/],
  ])('%s', async (_name, day, expected) => {
    const replies = await say(h, berliner(`r-${day}`), command('book', `massage with anna ${day}`));
    const shown = textOf(replies);
    expect(shown).toMatch(expected);
    expect(shown).not.toContain('There are no free times');
    // The flow goes on: the days that are free are offered as buttons.
    expect(replies.some((m) => (m.buttons ?? []).flat().length > 0)).toBe(true);
  });
});
