// The web chat in real Chromium with the real engine on a seeded database: a client books a
// service that needs approval, the provider approves from the DM, the client sees the notice.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appointments } from '../../../src/db/schema/appointments.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { type BrowserHarness, press } from './browser-harness.ts';
import { openEngineWebChat, seedDemoAndSecondProvider } from './engine-web-chat.ts';

let t: TestDatabase;
let providerId: string;
let harness: BrowserHarness;
const faults: unknown[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  providerId = await seedDemoAndSecondProvider(t.db);
  harness = await openEngineWebChat(t.db, faults, 'Europe/Berlin');
});

afterAll(async () => {
  await harness?.close();
});

describe('web chat with the real engine', () => {
  it('books, approves as the provider, and shows the client the approval', async () => {
    const { page } = harness;
    await page.goto(harness.baseUrl);
    const client = page.locator('section.log[data-persona="demo-client"]');
    await client.locator('.bubble.bot', { hasText: '/book: book an appointment' }).waitFor();

    await page.fill('#line', '/book');
    await page.press('#line', 'Enter');
    await client.locator('.bubble.bot', { hasText: 'Who would you like to book?' }).waitFor();
    await press(client, 'Dr. Anna Weber');
    await client.locator('.bubble.bot', { hasText: 'What would you like to book' }).waitFor();
    await press(client, 'Extended check-up');
    await client.locator('.bubble.bot', { hasText: 'Which day?' }).waitFor();
    await press(client, 'Tue 1 Dec');
    await client.locator('.bubble.bot', { hasText: 'Pick a time' }).waitFor();
    await press(client, '09:00');
    await client.locator('.bubble.bot', { hasText: 'Please confirm' }).waitFor();
    await press(client, 'Confirm');
    await client.locator('.bubble.bot', { hasText: 'Requested: Extended check-up' }).waitFor();
    // Every step replaced the one before: the help text and the outcome are all that is left.
    expect(await client.locator('.bubble.bot').count()).toBe(2);

    await page.selectOption('#persona', `provider-${providerId}`);
    const provider = page.locator(`section.log[data-persona="provider-${providerId}"]`);
    const request = provider.locator('.bubble.dm', { hasText: 'Extended check-up' });
    await request.getByRole('button', { name: 'Approve' }).click();
    await provider.locator('.bubble', { hasText: 'Approved by' }).waitFor();
    await page.screenshot({ path: '/tmp/webchat-provider.png' });

    await page.selectOption('#persona', 'demo-client');
    await client.locator('.bubble.dm', { hasText: 'approved your booking' }).waitFor();
    await page.screenshot({ path: '/tmp/webchat.png' });

    const booked = await t.db
      .select({ status: appointments.status, start: appointments.startTime })
      .from(appointments)
      .where(eq(appointments.providerId, providerId));
    expect(booked).toEqual([{ status: 'CONFIRMED', start: new Date('2026-12-01T08:00:00Z') }]);
    expect(faults).toEqual([]);
  });
});
