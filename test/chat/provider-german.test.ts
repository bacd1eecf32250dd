// A provider who reads German: /link, /requests, /week, /today, /block and /unblock in German.
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ChatUser } from '../../src/chat/chat-types.ts';
import { createLinkCode } from '../../src/chat/create-link-code.ts';
import { appointments } from '../../src/db/schema/appointments.ts';
import { providers } from '../../src/db/schema/providers.ts';
import {
  action,
  buttonData,
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

  // NOW is Monday 30 Nov 2026; German short dates are spelt out before chrono reads them.
  it.each([
    ['am 12.', 'Sa., 12. Dez. 2026'],
    ['24.12.', 'Do., 24. Dez. 2026'],
    ['morgen', 'Di., 1. Dez. 2026'],
    ['Freitag', 'Fr., 4. Dez. 2026'],
  ])('reads the German day %s in /block and /unblock', async (day, shown) => {
    const blocked = textOf(await say(h, anna, command('block', `${day} 12:00-13:00`)));
    expect(blocked).toContain(`12:00–13:00 am ${shown} gesperrt`);
    const unblocked = textOf(await say(h, anna, command('unblock', day)));
    expect(unblocked).toMatch(
      new RegExp(`^${shown.replaceAll('.', '\\.')} freigegeben: 1 Sperre entfernt`),
    );
  });
});

describe('a decision between a German provider and an English client', () => {
  it('asks and answers the provider in German and tells the client in English', async () => {
    await h.db.db.update(providers).set({ language: 'de' }).where(eq(providers.id, c.anna));
    const cleo = chatUser('7500', 'Cleo', { timezone: 'Europe/London' });
    const times = await say(h, cleo, command('book', 'check-up with anna tomorrow'));
    const summary = await say(h, cleo, action(buttonData(times, '10:00 (11:00 Berlin time)')));
    expect(textOf(await say(h, cleo, action(buttonData(summary, 'Confirm'))))).toContain(
      'Requested',
    );
    const [row] = await h.db.db
      .select()
      .from(appointments)
      .where(and(eq(appointments.providerId, c.anna), eq(appointments.status, 'PENDING')));
    const id = row?.id ?? '';
    const [request] = h.messenger.take('7001');
    expect(request?.text).toMatch(/^Buchungsanfrage von Cleo\n/);
    expect(request?.text).toContain('Di., 1. Dez. 2026, 11:00–11:30 (Zeit Berlin)');
    expect(request?.buttons.flat().map((b) => b.label)).toEqual(['Annehmen', 'Ablehnen']);
    const approved = await say(h, anna, action(`ap:${id}`));
    expect(approved[0]?.text).toContain('Angenommen von Anna.');
    const told = h.messenger.take('7500');
    expect(told.map((m) => m.text)).toEqual([
      expect.stringMatching(/^Good news: Anna Weber approved your booking\./),
    ]);
    const again = await say(h, anna, action(`dc:${id}`));
    expect(again[0]?.text).toContain('bereits bearbeitet (Status: bestätigt)');
  });
});
