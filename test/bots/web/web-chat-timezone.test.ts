// The web chat in real Chromium: the browser's zone fills a client's unset zone, and a zone set
// with /timezone survives the next messages and a page reload although the browser still sends
// its own zone with every event.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatIdentities } from '../../../src/db/schema/chat.ts';
import { clients } from '../../../src/db/schema/clients.ts';
import { seedDemo } from '../../../src/db/seed-demo.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import type { BrowserHarness } from './browser-harness.ts';
import { openEngineWebChat } from './engine-web-chat.ts';

let t: TestDatabase;
let harness: BrowserHarness;
const faults: unknown[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemo(t.db);
  harness = await openEngineWebChat(t.db, faults, 'Europe/Berlin');
});

afterAll(async () => {
  await harness?.close();
});

async function storedZone(): Promise<string | undefined> {
  const [row] = await t.db
    .select({ timezone: clients.timezone })
    .from(chatIdentities)
    .innerJoin(clients, eq(clients.id, chatIdentities.clientId))
    .where(eq(chatIdentities.platformUserId, 'demo-client'));
  return row?.timezone;
}

describe('web chat time zone', () => {
  it('keeps /timezone Tokyo over the browser zone across messages and a reload', async () => {
    const { page } = harness;
    await page.goto(harness.baseUrl);
    const log = page.locator('section.log[data-persona="demo-client"]');
    await log
      .locator('.bubble.bot', { hasText: "I'm using Europe/Berlin from your browser" })
      .waitFor();
    expect(await storedZone()).toBe('Europe/Berlin');

    const send = async (line: string, answer: string) => {
      await page.fill('#line', line);
      await page.press('#line', 'Enter');
      await log.locator('.bubble.bot', { hasText: answer }).last().waitFor();
    };
    await send('/timezone Tokyo', 'your time zone, Asia/Tokyo');
    await send('/help', '/mybookings');
    await send('hello', '/book');
    expect(await storedZone()).toBe('Asia/Tokyo');

    await page.reload();
    await log.locator('.bubble.bot', { hasText: '/book' }).first().waitFor();
    await send('/timezone', 'Your time zone is Asia/Tokyo.');
    expect(await storedZone()).toBe('Asia/Tokyo');
    expect(await log.locator('.bubble.bot', { hasText: 'from your browser' }).count()).toBe(0);
    expect(faults).toEqual([]);
  });
});
