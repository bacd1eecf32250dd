// A paid booking in the web chat in real Chromium: the Pay link is an anchor to the Stripe fake's
// session opening in a new tab; once paid, the Booked DM shows up and the hold button says paid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebChatAdapter } from '../../../bots/web/create-web-chat-adapter.ts';
import { handleChatEvent } from '../../../src/chat/handle-chat-event.ts';
import { createProviderDirectory } from '../../../src/chat/provider-directory.ts';
import { PAID_NOW, type PaidWorld, payAtStripe, startPaidWorld } from '../paid-walks.ts';
import { type BrowserHarness, openWebChat } from './browser-harness.ts';

let w: PaidWorld;
let harness: BrowserHarness;
const faults: unknown[] = [];

beforeAll(async () => {
  w = await startPaidWorld();
  const logger = { info: () => {}, warn: () => {}, error: (f: unknown) => void faults.push(f) };
  const adapter = createWebChatAdapter({
    providers: createProviderDirectory(w.t.db, () => w.clock.now),
    handle: (event) => handleChatEvent({ ...w.deps, logger }, event, w.clock.now),
    logger,
    clock: () => w.clock.now,
  });
  w.messenger.register('web', adapter.messenger);
  harness = await openWebChat(adapter, 'Europe/Berlin');
});
afterAll(async () => {
  await harness?.close();
  await w.stripe.close();
});

describe('a paid booking in the web chat page', () => {
  it('shows the Pay link as a new-tab anchor to Stripe, then the booking confirmed', async () => {
    const { page } = harness;
    await page.goto(harness.baseUrl);
    const client = page.locator('section.log[data-persona="demo-client"]');
    await client.locator('.bubble.bot', { hasText: '/book: book an appointment' }).waitFor();
    await page.fill('#line', '/book session tomorrow at 10:00');
    await page.press('#line', 'Enter');
    await client.locator('.bubble.bot', { hasText: 'Please confirm' }).waitFor();
    await client.locator('.bubble').last().getByRole('button', { name: 'Confirm' }).click();
    const held = client.locator('.bubble.bot', { hasText: 'Held for you' });
    await held.waitFor();
    await expect(held.textContent()).resolves.toContain(
      'To book it, pay €50.00 by 09:15 (your time).',
    );

    const session = w.stripe.sessions().at(-1);
    if (!session?.url || !session.client_reference_id) throw new Error('no checkout session');
    const pay = held.getByRole('link', { name: 'Pay €50.00' });
    expect(await pay.getAttribute('href')).toBe(session.url);
    expect(await pay.getAttribute('target')).toBe('_blank');
    expect(await pay.getAttribute('rel')).toBe('noopener noreferrer');

    // The client pays in the other tab; the payment reaches the core, the relay tells the chat.
    w.clock.now = new Date(PAID_NOW.getTime() + 5 * 60_000);
    await payAtStripe(w, session);
    await client.locator('.bubble.dm', { hasText: "It's confirmed." }).waitFor();

    await held.getByRole('button', { name: 'Release the hold' }).click();
    await client.locator('.bubble.bot', { hasText: 'is already paid (confirmed)' }).waitFor();
    expect(faults).toEqual([]);
  });
});
