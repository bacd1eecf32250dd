// The page's mechanics in real Chromium against a scripted engine: bubbles, buttons, select,
// replace-in-place, persona logs and DMs by long poll.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatHandler } from '../../../bots/bot-adapter.ts';
import { createWebChatAdapter } from '../../../bots/web/create-web-chat-adapter.ts';
import type { ChatEvent, ChatMessage, Messenger } from '../../../src/chat/chat-types.ts';
import { createProviderDirectory } from '../../../src/chat/provider-directory.ts';
import { chatIdentities } from '../../../src/db/schema/chat.ts';
import { providers } from '../../../src/db/schema/providers.ts';
import { seedDemo } from '../../../src/db/seed-demo.ts';
import { MONDAY_MORNING } from '../../support/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { type BrowserHarness, openWebChat } from './browser-harness.ts';

let t: TestDatabase;
let providerPersona: string;
let harness: BrowserHarness;
const events: ChatEvent[] = [];

const msg = (text: string, extra: Partial<ChatMessage> = {}): ChatMessage => ({
  text,
  buttons: [],
  select: null,
  replace: false,
  ...extra,
});
const button = (
  label: string,
  data: string,
  style: 'primary' | 'danger' | 'default' = 'default',
) => ({
  label,
  data,
  style,
});

/** A tiny scripted flow shaped like the engine's: each step replaces the one before. */
function scriptedEngine(messenger: () => Messenger): ChatHandler {
  const steps: Record<string, ChatMessage> = {
    pv: msg('Which service?', {
      replace: true,
      select: {
        placeholder: 'Choose a service',
        options: [
          { label: 'Consultation', data: 'sv:0', description: '30 min' },
          { label: 'Extended check-up', data: 'sv:1', description: '60 min' },
        ],
      },
    }),
    'sv:1': msg('Which day?', { replace: true, buttons: [[button('Tue 1 Dec', 'dy')]] }),
    dy: msg('Which time?', { replace: true, buttons: [[button('09:00', 'tm')]] }),
    tm: msg('Book Extended check-up on Tue 1 Dec at 09:00?', {
      replace: true,
      buttons: [[button('Confirm', 'cf', 'primary'), button('Cancel', 'cx', 'danger')]],
    }),
  };
  return async (event) => {
    events.push(event);
    const { input, user } = event;
    if (input.kind === 'command' && input.command === 'link') {
      await t.db.insert(chatIdentities).values({
        platform: 'web',
        platformUserId: user.platformUserId,
        displayName: user.displayName,
        providerId: providerPersona.slice('provider-'.length),
      });
      return [msg('Linked.')];
    }
    if (input.kind === 'command' && input.command === 'start')
      return [msg(`Hello ${user.displayName}`)];
    if (input.kind === 'command' && input.command === 'book') {
      return [msg('Which provider?', { buttons: [[button('Dr. Anna Weber', 'pv')]] })];
    }
    if (input.kind === 'action' && input.data === 'cf') {
      await messenger().send(
        { platform: 'web', platformUserId: providerPersona, dmAddress: null },
        msg('New request: Extended check-up, Tue 1 Dec 09:00', {
          buttons: [[button('Approve', 'ap:1', 'primary'), button('Decline', 'dc:1', 'danger')]],
        }),
      );
      return [msg('Requested. You will hear when it is approved.', { replace: true })];
    }
    if (input.kind === 'action' && input.data === 'ap:1') {
      await messenger().send(
        { platform: 'web', platformUserId: 'demo-client', dmAddress: null },
        msg('Your Extended check-up on Tue 1 Dec at 09:00 was approved.'),
      );
      return [msg('Approved.', { replace: true })];
    }
    const step = input.kind === 'action' ? steps[input.data] : undefined;
    return [step ?? msg(`You said: ${input.kind === 'text' ? input.text : '?'}`)];
  };
}

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  const [row] = await t.db.select().from(providers).where(eq(providers.name, 'Dr. Anna Weber'));
  providerPersona = `provider-${row?.id}`;
  let messenger: Messenger | null = null;
  const adapter = createWebChatAdapter({
    providers: createProviderDirectory(t.db, () => MONDAY_MORNING),
    handle: scriptedEngine(() => {
      if (!messenger) throw new Error('adapter not ready');
      return messenger;
    }),
    logger: { info: () => {}, warn: () => {}, error: () => {} },
    clock: () => MONDAY_MORNING,
  });
  messenger = adapter.messenger;
  harness = await openWebChat(adapter, 'America/Sao_Paulo');
});

afterAll(async () => {
  await harness?.close();
});

describe('web chat page (scripted engine)', () => {
  it('books through buttons and a select, and carries the approval across personas', async () => {
    const { page } = harness;
    await page.goto(harness.baseUrl);
    const log = page.locator('section.log[data-persona="demo-client"]');
    await log.locator('.bubble.bot', { hasText: 'Hello Demo Client' }).waitFor();
    expect(events[1]?.user).toMatchObject({
      platformUserId: 'demo-client',
      timezone: 'America/Sao_Paulo',
    });

    await page.fill('#line', '/book');
    await page.press('#line', 'Enter');
    await log.locator('.bubble.me', { hasText: '/book' }).waitFor();
    await log.getByRole('button', { name: 'Dr. Anna Weber' }).click();
    await log.locator('select.choice').selectOption({ label: 'Extended check-up' });
    await log.getByRole('button', { name: 'Tue 1 Dec' }).click();
    await log.getByRole('button', { name: '09:00' }).click();
    await log.getByRole('button', { name: 'Confirm' }).click();
    await log.locator('.bubble.bot', { hasText: 'Requested.' }).waitFor();
    // Each step replaced the last: only the greeting and the outcome remain.
    expect(await log.locator('.bubble.bot').allTextContents()).toEqual([
      'Hello Demo Client',
      'Requested. You will hear when it is approved.',
    ]);

    await page.selectOption('#persona', providerPersona);
    const providerLog = page.locator(`section.log[data-persona="${providerPersona}"]`);
    await providerLog.locator('.bubble.bot', { hasText: 'Hello Dr. Anna Weber' }).waitFor();
    expect(await log.isVisible()).toBe(false);
    const request = providerLog.locator('.bubble.dm', { hasText: 'New request' });
    await request.getByRole('button', { name: 'Approve' }).click();
    await providerLog.locator('.bubble', { hasText: 'Approved.' }).waitFor();
    expect(await request.count()).toBe(0);

    await page.selectOption('#persona', 'demo-client');
    expect(await providerLog.isVisible()).toBe(false);
    await log.locator('.bubble.dm', { hasText: 'was approved' }).waitFor();
    expect(await log.locator('.bubble', { hasText: 'Requested.' }).count()).toBe(1);
    await page.screenshot({ path: '/tmp/webchat-ui.png' });
    const inputs = events.map((e) => (e.input.kind === 'action' ? e.input.data : e.input.kind));
    // start() linked the provider persona before the page opened.
    expect(inputs).toEqual([
      'command',
      'command',
      'command',
      'pv',
      'sv:1',
      'dy',
      'tm',
      'cf',
      'command',
      'ap:1',
    ]);
  });

  it('makes a fresh guest for "New client" and shows refused input as an error bubble', async () => {
    const { page } = harness;
    await page.selectOption('#persona', 'new');
    const guest = await page.locator('#persona').inputValue();
    expect(guest).toMatch(/^guest-[0-9a-f-]{36}$/);
    const log = page.locator(`section.log[data-persona="${guest}"]`);
    await log.locator('.bubble.bot', { hasText: /^Hello Guest/ }).waitFor();
    // The input's maxlength stops a person; the server must stop a script too.
    await page.locator('#line').evaluate((el) => el.removeAttribute('maxlength'));
    await page.fill('#line', 'x'.repeat(2001));
    await page.press('#line', 'Enter');
    await log.locator('.bubble.error', { hasText: 'invalid json: input.text' }).waitFor();
  });
});
