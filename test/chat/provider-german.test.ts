// A provider who reads German: /link, /requests, /week, /today, /block and /unblock in German.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatUser } from '../../src/chat/chat-types.ts';
import { createLinkCode } from '../../src/chat/create-link-code.ts';
import {
  type Catalog,
  type ChatHarness,
  chatUser,
  command,
  createChatHarness,
  NOW,
  say,
  seedCatalog,
  textOf,
} from './chat-harness.ts';

let h: ChatHarness;
let c: Catalog;
const anna: ChatUser = {
  ...chatUser('7001', 'Anna', { timezone: 'Europe/Berlin' }),
  locale: 'de',
};

beforeAll(async () => {
  h = await createChatHarness();
  c = await seedCatalog(h);
});

describe('the provider side in German', () => {
  it('links, then lists requests, the week and today in German', async () => {
    const created = await createLinkCode(h.db.db, c.anna, NOW);
    if (!created.ok) throw new Error('no code');
    const linked = textOf(await say(h, anna, command('link', created.value.code)));
    expect(linked).toMatch(/^Verknüpft: Dieser Chat handelt jetzt als /);
    const rows: [string, string, RegExp][] = [
      ['requests', '', /^Es warten keine Buchungsanfragen auf Sie\./],
      ['requests', 'x', /^Senden Sie \/requests /],
      ['week', '', /^Ihre Woche, Mo\., 30\. Nov\. – So\., 6\. Dez\. \(Zeit Berlin\):/],
      ['today', '', /^Heute, Mo\., 30\. Nov\. 2026 \(Zeit Berlin\):/],
      ['block', 'soon', /^Verwendung: \/block DATUM/],
      ['unblock', '', /^Verwendung: \/unblock DATUM/],
    ];
    for (const [name, args, expected] of rows) {
      expect(textOf(await say(h, anna, command(name, args)))).toMatch(expected);
    }
  });

  it('blocks and unblocks in German, counting the blocks removed', async () => {
    const blocked = textOf(await say(h, anna, command('block', '2026-12-24 12:00-14:00')));
    expect(blocked).toMatch(/^12:00–14:00 am Do\., 24\. Dez\. 2026 gesperrt \(Zeit Berlin\)/);
    await say(h, anna, command('block', '2026-12-24 15:00-16:00'));
    const unblocked = textOf(await say(h, anna, command('unblock', '2026-12-24')));
    expect(unblocked).toMatch(/^Do\., 24\. Dez\. 2026 freigegeben: 2 Sperren entfernt;/);
    const none = textOf(await say(h, anna, command('unblock', '2026-12-24')));
    expect(none).toBe('Am Do., 24. Dez. 2026 war nichts gesperrt.');
  });
});
