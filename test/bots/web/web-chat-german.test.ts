// The web chat in real Chromium with a German browser (de-DE): the page, /help and a booking by
// buttons read in German; screenshots of each step land in test-results/screenshots/ (git-ignored).
import { mkdir } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDayShort } from '../../../src/chat/chat-format.ts';
import { appointments } from '../../../src/db/schema/appointments.ts';
import { translatorFor } from '../../../src/i18n/translator.ts';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.ts';
import { type BrowserHarness, press } from './browser-harness.ts';
import { openEngineWebChat, seedDemoAndSecondProvider } from './engine-web-chat.ts';

const SCREENSHOTS = new URL('../../../test-results/screenshots/', import.meta.url).pathname;
const de = translatorFor('de');

let t: TestDatabase;
let providerId: string;
let harness: BrowserHarness;
const faults: unknown[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  providerId = await seedDemoAndSecondProvider(t.db);
  harness = await openEngineWebChat(t.db, faults, 'Europe/Berlin', 'de-DE');
  await mkdir(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await harness?.close();
});

function shoot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: `${SCREENSHOTS}web-chat-de-${name}.png`, fullPage: true });
}

describe('web chat in German (browser locale de-DE)', () => {
  it('shows the page chrome in German', async () => {
    const { page } = harness;
    await page.goto(harness.baseUrl);
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.title()).toBe(de.t('web.title'));
    expect(await page.getAttribute('#line', 'placeholder')).toBe(de.t('web.placeholder'));
    expect(await page.textContent('#composer button')).toBe(de.t('web.send'));
    const options = await page.locator('#persona option').allTextContents();
    expect(options).toContain(de.t('web.demoClient'));
    expect(options).toContain(de.t('web.newClient'));
    expect(options).toContain(de.t('web.provider', { name: 'Dr. Anna Weber' }));
  });

  it('answers /start with the German help', async () => {
    const { page } = harness;
    const client = page.locator('section.log[data-persona="demo-client"]');
    await client.locator('.bubble.bot', { hasText: de.t('help.book') }).waitFor();
    expect(await client.locator('.bubble.bot').first().textContent()).toContain(
      de.t('help.mybookings'),
    );
    await shoot(page, '1-help');
  });

  it('books by buttons with German replies and weekday names', async () => {
    const { page } = harness;
    const client = page.locator('section.log[data-persona="demo-client"]');
    await page.fill('#line', '/book');
    await page.press('#line', 'Enter');
    await client.locator('.bubble.bot', { hasText: de.t('booking.whoToBook') }).waitFor();
    await shoot(page, '2-who');
    await press(client, 'Dr. Anna Weber');
    await press(client, 'Extended check-up');
    const day = formatDayShort(de, '2026-12-01');
    expect(day).toMatch(/^Di\./);
    await client.locator('.bubble').last().getByRole('button', { name: day }).waitFor();
    await shoot(page, '3-day');
    await press(client, day);
    await press(client, '09:00');
    await client.locator('.bubble.bot', { hasText: de.t('booking.pleaseConfirm') }).waitFor();
    await shoot(page, '4-confirm');
    await press(client, de.t('booking.confirm'));
    // The outcome replaces the summary: "Angefragt: …", in the catalog's German.
    const requested =
      de.t('appointment.requested', { what: '§', provider: '§' }).split('§')[0] ?? '';
    expect(requested.length).toBeGreaterThan(3);
    await client.locator('.bubble.bot', { hasText: requested }).waitFor();
    await shoot(page, '5-requested');

    const booked = await t.db
      .select({ status: appointments.status })
      .from(appointments)
      .where(eq(appointments.providerId, providerId));
    expect(booked).toEqual([{ status: 'PENDING' }]);
    expect(faults).toEqual([]);
  });
});
